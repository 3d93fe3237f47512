using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>
/// didYouMean candidates from the index's own words: each word the index does not know (not in the
/// spell dictionary, not a synopsis word, and for the last word not even a prefix) is replaced by the
/// closest dictionary word within its typo tolerance, preferring fewer edits, then more documents.
/// </summary>
internal static class SpellCorrector
{
    /// <summary>The corrected text, or null when every word is known or none can be corrected.</summary>
    public static string? Correct(IReadOnlyList<QueryWord> words, IndexReader reader)
    {
        var spell = MultiFields.GetTerms(reader, IndexFields.Spell);
        if (spell is null || words.Count == 0)
            return null;
        var corrected = false;
        var result = new List<string>(words.Count);
        foreach (var word in words)
        {
            var replacement = IsKnown(word, spell, reader) ? null : Closest(word, reader);
            corrected |= replacement is not null;
            result.Add(replacement ?? word.Term);
        }

        return corrected ? string.Join(' ', result) : null;
    }

    private static bool IsKnown(QueryWord word, Terms spell, IndexReader reader)
    {
        if (word.Term.Length < 3 || reader.DocFreq(new Term(IndexFields.Spell, word.Term)) > 0)
            return true;
        if (word.Stem is { } stem && reader.DocFreq(new Term(IndexFields.Synopsis, stem)) > 0)
            return true;
        if (!word.IsLast)
            return false;
        var terms = spell.GetEnumerator();
        var prefix = new BytesRef(word.Term);
        return terms.SeekCeil(prefix) != TermsEnum.SeekStatus.END && StringHelper.StartsWith(terms.Term, prefix);
    }

    private static string? Closest(QueryWord word, IndexReader reader) =>
        FuzzyCandidates.Find(reader, IndexFields.Spell, word.Term, Math.Max(1, word.MaxEdits), 50)
            .FirstOrDefault(c => c.Edits > 0).Term;
}
