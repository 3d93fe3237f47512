using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util.Automaton;

namespace Catalog.Search.Querying;

/// <summary>A term of the index within a word's typo tolerance, with its edit distance and document frequency.</summary>
internal readonly record struct FuzzyCandidate(string Term, int Edits, int DocFreq);

/// <summary>
/// Index terms within <c>maxEdits</c> of a word sharing its first letter, found by intersecting the terms
/// with a Levenshtein automaton (built once per word and reused for every field; building one is the
/// expensive part), closest first then most frequent. Used for typo-tolerant matching (expanded into a
/// max-of-terms query, so a title is not rewarded for containing several near-misses) and for didYouMean.
/// </summary>
internal static class FuzzyCandidates
{
    private const int MaxCachedAutomata = 10_000;
    private static readonly ConcurrentDictionary<(string, int), CompiledAutomaton> Automata = new();

    public static List<FuzzyCandidate> Find(IndexReader reader, string field, string word, int maxEdits, int limit)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || maxEdits <= 0 || word.Length == 0)
            return [];
        var found = new List<FuzzyCandidate>();
        var candidates = Automaton(word, maxEdits).GetTermsEnum(terms);
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

    private static CompiledAutomaton Automaton(string word, int maxEdits)
    {
        if (Automata.Count > MaxCachedAutomata)
            Automata.Clear();
        return Automata.GetOrAdd((word, maxEdits), static key =>
        {
            var (text, edits) = key;
            var prefixLength = char.IsHighSurrogate(text[0]) && text.Length > 1 ? 2 : 1;
            var rest = new LevenshteinAutomata(text[prefixLength..], true).ToAutomaton(edits);
            return new CompiledAutomaton(BasicOperations.Concatenate(BasicAutomata.MakeString(text[..prefixLength]), rest), true, false);
        });
    }
}
