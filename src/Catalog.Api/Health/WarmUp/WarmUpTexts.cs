namespace Catalog.Api.Health.WarmUp;

/// <summary>Search texts for the warm-up, made from the names of titles the index holds.</summary>
internal static class WarmUpTexts
{
    /// <summary>
    /// Up to <paramref name="count"/> texts covering the query shapes whose code paths differ: one word, two words, a
    /// misspelled word (typo variants and the correction), a short prefix (prefix expansion), a person's name (a phrase
    /// read over every title holding either name, the heaviest common search), a stop word with a word (a stop word's
    /// long postings), then more single words. Each <paramref name="round"/> takes its words and person further down
    /// the lists, so a later round searches words no earlier round did (their typo and prefix expansions run again
    /// instead of coming from the caches); empty when the names run out of words.
    /// </summary>
    public static List<string> From(IEnumerable<string> names, IEnumerable<string> people, int count, int round = 0)
    {
        var words = names.SelectMany(name => name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(word => new string([.. word.Where(char.IsLetter)]))
            .Where(word => word.Length >= 4)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Skip(round * Math.Max(1, count))
            .Take(Math.Max(1, count))
            .ToList();
        var texts = new List<string>();
        if (words.Count == 0)
            return texts;
        texts.Add(words[0]);
        if (words.Count > 1)
            texts.Add($"{words[0]} {words[1]}");
        if (words.FirstOrDefault(word => word.Length >= 5) is { } longer)
            texts.Add(longer.Remove(longer.Length / 2, 1));
        texts.Add(words[^1][..3]);
        if (people.Where(person => person.Contains(' ', StringComparison.Ordinal)).Distinct().Skip(round).FirstOrDefault() is { } name)
            texts.Add(name);
        texts.Add($"the {words[^1]}");
        texts.AddRange(words.Skip(1));
        return [.. texts.Take(count)];
    }
}
