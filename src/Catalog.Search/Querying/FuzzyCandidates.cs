using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>A term of the index within a word's typo tolerance, with its edit distance and document frequency.</summary>
internal readonly record struct FuzzyCandidate(string Term, int Edits, int DocFreq);

/// <summary>
/// Index terms within <c>maxEdits</c> of a word sharing its first letter, found with Lucene's automaton
/// (FuzzyTermsEnum), closest first then most frequent. Used for typo-tolerant matching (expanded into a
/// max-of-terms query, so a title is not rewarded for containing several near-misses) and for didYouMean.
/// </summary>
internal static class FuzzyCandidates
{
    public static List<FuzzyCandidate> Find(IndexReader reader, string field, string word, int maxEdits, int limit)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || maxEdits <= 0 || word.Length == 0)
            return [];
        var found = new List<FuzzyCandidate>();
        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, word), maxEdits, 1, true);
        while (candidates.MoveNext())
        {
            var term = candidates.Term.Utf8ToString();
            var edits = EditDistance.Between(term, word, maxEdits);
            if (edits <= maxEdits)
                found.Add(new FuzzyCandidate(term, edits, candidates.DocFreq));
        }

        found.Sort((a, b) => a.Edits != b.Edits ? a.Edits.CompareTo(b.Edits) : b.DocFreq.CompareTo(a.DocFreq));
        return found.Count > limit ? found[..limit] : found;
    }
}
