using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Schema;
using Lucene.Net.Index;

namespace Catalog.Search.Querying.Fallbacks;

/// <summary>
/// didYouMean candidates from the index's own words: each word the index does not know (no name, tag or
/// people word, not a synopsis word, and for the last word not even a prefix of one) is replaced by the
/// closest such word within its typo tolerance, preferring fewer edits, then more documents. The
/// dictionary is the searched fields themselves (a separate spelling field cost a fifth of the index's postings).
/// </summary>
internal static class SpellCorrector
{
    private static readonly string[] Dictionary = [IndexFields.Name, IndexFields.TagsText, IndexFields.People];

    /// <summary>The corrected text, or null when every word is known or none can be corrected.</summary>
    public static string? Correct(IReadOnlyList<QueryWord> words, CatalogSearcher searcher)
    {
        if (words.Count == 0)
            return null;
        var corrected = false;
        var result = new List<string>(words.Count);
        foreach (var word in words)
        {
            var replacement = IsKnown(word, searcher.IndexReader) ? null : Closest(word, searcher);
            corrected |= replacement is not null;
            result.Add(replacement ?? word.Term);
        }

        return corrected ? string.Join(' ', result) : null;
    }

    private static bool IsKnown(QueryWord word, IndexReader reader)
    {
        if (word.Term.Length < 3 || Dictionary.Any(field => TermStates.DocFreq(reader, new Term(field, word.Term)) > 0))
            return true;
        if (word.Stem is { } stem && TermStates.DocFreq(reader, new Term(IndexFields.Synopsis, stem)) > 0)
            return true;
        return word.IsLast && Dictionary.Any(field => TermStates.AnyStartingWith(reader, field, word.Term));
    }

    /// <summary>The closest word of any dictionary field: fewest edits, then most documents over the fields, then in order.</summary>
    private static string? Closest(QueryWord word, CatalogSearcher searcher) =>
        Dictionary
            .SelectMany(field => FuzzyCandidates.Find(searcher, field, word.Term, Math.Max(1, word.MaxEdits), 50))
            .Where(c => c.Edits > 0)
            .GroupBy(c => c.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, g.First().Edits, DocFreq: g.Sum(c => c.DocFreq)))
            .OrderBy(c => c.Edits).ThenByDescending(c => c.DocFreq).ThenBy(c => c.Term, StringComparer.Ordinal)
            .Select(c => c.Term)
            .FirstOrDefault();
}
