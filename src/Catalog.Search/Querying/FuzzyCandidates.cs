using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util.Automaton;

namespace Catalog.Search.Querying;

/// <summary>A term of the index within a word's typo tolerance, with its edit distance and document frequency.</summary>
internal readonly record struct FuzzyCandidate(string Term, int Edits, int DocFreq);

/// <summary>
/// Index terms within <c>maxEdits</c> of a word sharing its first letter, found by intersecting each
/// segment's terms with a Levenshtein automaton (built once per word and reused for every field and
/// reader; building one is the expensive part), closest first then most frequent. Used for
/// typo-tolerant matching (expanded into a max-of-terms query, so a title is not rewarded for containing
/// several near-misses) and for didYouMean. Segments are enumerated one by one (a merged view over them
/// costs a priority queue per term) and the answer is kept per reader, which never changes.
/// </summary>
internal static class FuzzyCandidates
{
    private const int MaxCachedAutomata = 10_000;
    private const int MaxCachedAnswersPerReader = 20_000;

    private static readonly ConcurrentDictionary<(string, int), CompiledAutomaton> Automata = new();

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<(string, string, int), FuzzyCandidate[]>> Answers = [];

    public static IReadOnlyList<FuzzyCandidate> Find(IndexReader reader, string field, string word, int maxEdits, int limit)
    {
        if (maxEdits <= 0 || word.Length == 0)
            return [];
        var answers = Answers.GetOrCreateValue(reader);
        if (answers.Count > MaxCachedAnswersPerReader)
            answers.Clear();
        var all = answers.GetOrAdd((field, word, maxEdits), static (key, reader) => Collect(reader, key.Item1, key.Item2, key.Item3), reader);
        return new ArraySegment<FuzzyCandidate>(all, 0, Math.Min(limit, all.Length));
    }

    /// <summary>Every candidate, best first.</summary>
    private static FuzzyCandidate[] Collect(IndexReader reader, string field, string word, int maxEdits)
    {
        var automaton = Automaton(word, maxEdits);
        var docFreqs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(field) is not { } terms)
                continue;
            var matches = automaton.GetTermsEnum(terms);
            while (matches.MoveNext())
            {
                var term = matches.Term.Utf8ToString();
                docFreqs[term] = docFreqs.GetValueOrDefault(term) + matches.DocFreq;
            }
        }

        var found = new List<FuzzyCandidate>(docFreqs.Count);
        foreach (var (term, docFreq) in docFreqs)
        {
            var edits = EditDistance.Between(term, word, maxEdits);
            if (edits <= maxEdits)
                found.Add(new FuzzyCandidate(term, edits, docFreq));
        }

        found.Sort(static (a, b) =>
            a.Edits != b.Edits ? a.Edits.CompareTo(b.Edits)
            : a.DocFreq != b.DocFreq ? b.DocFreq.CompareTo(a.DocFreq)
            : string.CompareOrdinal(a.Term, b.Term));
        return [.. found];
    }

    /// <summary>
    /// An ASCII word's typos are ASCII terms: the analyzers fold accented Latin letters to ASCII, and a term in another
    /// script is more than a typo away. Over the ASCII alphabet the automaton is a few dozen states instead of several
    /// hundred (every other code point is a UTF-8 byte sequence), and builds and intersects several times faster; a
    /// word's first query pays for it.
    /// </summary>
    private const int AsciiMax = 127;

    private static CompiledAutomaton Automaton(string word, int maxEdits)
    {
        if (Automata.Count > MaxCachedAutomata)
            Automata.Clear();
        return Automata.GetOrAdd((word, maxEdits), static key =>
        {
            var (text, edits) = key;
            var prefixLength = char.IsHighSurrogate(text[0]) && text.Length > 1 ? 2 : 1;
            var tail = text[prefixLength..];
            var rest = (Ascii.IsValid(tail) ? new LevenshteinAutomata([.. tail.Select(c => (int)c)], AsciiMax, true) : new LevenshteinAutomata(tail, true))
                .ToAutomaton(edits);
            return new CompiledAutomaton(BasicOperations.Concatenate(BasicAutomata.MakeString(text[..prefixLength]), rest), true, false);
        });
    }
}
