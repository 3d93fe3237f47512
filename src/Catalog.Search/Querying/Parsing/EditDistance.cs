namespace Catalog.Search.Querying.Parsing;

/// <summary>Damerau–Levenshtein (optimal string alignment) distance, as FuzzyQuery counts edits.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it is known to exceed <paramref name="max"/>.</summary>
    public static int Between(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
            return max + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
                return max + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>Whether <paramref name="token"/> is within the word's typo tolerance (same start, as the typo candidates).</summary>
    public static bool IsTypoOf(string token, QueryWord word) =>
        word.TypoEdits > 0 && SameStart(token, word.Term)
        && Between(token, word.Term, word.TypoEdits) <= word.TypoEdits;

    /// <summary>
    /// Typo candidates keep the first letter (a typo there is rare, and the first letter narrows the terms to visit),
    /// except when the first two letters are swapped ("amtrix" → matrix): that is one transposition like any other.
    /// </summary>
    public static bool SameStart(string term, string word) =>
        term.Length > 0 && word.Length > 0
        && (term[0] == word[0] || (SwapsFirstLetters(word) && term.Length > 1 && term[0] == word[1] && term[1] == word[0]));

    /// <summary>Whether the word's first two letters are two different, whole characters (their swap is a different word).</summary>
    public static bool SwapsFirstLetters(string word) =>
        word.Length > 2 && word[0] != word[1] && !char.IsSurrogate(word[0]) && !char.IsSurrogate(word[1]);
}
