using System.Collections.Concurrent;
using System.Text;
using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Util.Automaton;

namespace Catalog.Search.Querying.Parsing;

/// <summary>A term of the index within a word's typo tolerance, with its edit distance and document frequency.</summary>
internal readonly record struct FuzzyCandidate(string Term, int Edits, int DocFreq);

/// <summary>
/// Index terms within <c>maxEdits</c> of a word sharing its first letter (or starting with its first two letters
/// swapped: a transposition is one typo wherever it is), found by intersecting each
/// segment's terms with a Levenshtein automaton (built once per word and reused for every field and
/// segment; building one is the expensive part), closest first then most frequent. Used for
/// typo-tolerant matching (expanded into a max-of-terms query, so a title is not rewarded for containing
/// several near-misses) and for didYouMean. Segments are enumerated one by one (a merged view over them
/// costs a priority queue per term). Each segment's candidates are kept for the segment's life (its terms
/// never change), and the merged answer by the reader's <see cref="CatalogSearcher"/>: a near-real-time reopen, which every edit and
/// every review causes, only intersects its new, small segments instead of starting over.
/// </summary>
internal static class FuzzyCandidates
{
    private const int MaxCachedAutomata = 10_000;
    /// <summary>Answers kept per segment, and merged answers per reader (<see cref="CatalogSearcher.TypoCandidates"/>).</summary>
    public const int MaxCachedAnswers = 20_000;

    private static readonly ConcurrentDictionary<(string, int), CompiledAutomaton> Automata = new();

    private static readonly KeptAnswers<(string Field, string Word, int MaxEdits), FuzzyCandidate[]> SegmentAnswers = new(MaxCachedAnswers);

    public static IReadOnlyList<FuzzyCandidate> Find(CatalogSearcher searcher, string field, string word, int maxEdits, int limit)
    {
        if (maxEdits <= 0 || word.Length == 0)
            return [];
        var all = searcher.TypoCandidates(field, word, maxEdits);
        return new ArraySegment<FuzzyCandidate>(all, 0, Math.Min(limit, all.Length));
    }

    /// <summary>Whether the segment's candidates for the word are kept already.</summary>
    internal static bool IsKept(AtomicReader segment, string field, string word, int maxEdits) =>
        SegmentAnswers.Holds(segment.CoreCacheKey, (field, word, maxEdits));

    /// <summary>Every candidate of the reader, best first: the segments' candidates with their document frequencies summed.</summary>
    internal static FuzzyCandidate[] Merge(IndexReader reader, string field, string word, int maxEdits)
    {
        var leaves = reader.Leaves;
        var perSegment = new FuzzyCandidate[leaves.Count][];
        var workers = SearchThreads.Available(leaves.Count);
        // Built before several workers start, so two of them meeting a new word do not both build its automaton.
        if (workers > 1 && leaves.Any(leaf => !IsKept(leaf.AtomicReader, field, word, maxEdits)))
            Automaton(word, maxEdits);
        SearchThreads.ForEachSegment(leaves, workers, (_, i) =>
        {
            var segment = leaves[i].AtomicReader;
            perSegment[i] = SegmentAnswers.GetOrAdd(segment.CoreCacheKey, (field, word, maxEdits), static (key, segment) => Collect(segment, key.Field, key.Word, key.MaxEdits), segment);
        });
        var found = new Dictionary<string, FuzzyCandidate>(StringComparer.Ordinal);
        foreach (var inSegment in perSegment)
        {
            foreach (var candidate in inSegment)
                found[candidate.Term] = found.TryGetValue(candidate.Term, out var seen) ? seen with { DocFreq = seen.DocFreq + candidate.DocFreq } : candidate;
        }

        var all = found.Values.ToArray();
        Array.Sort(all, static (a, b) =>
            a.Edits != b.Edits ? a.Edits.CompareTo(b.Edits)
            : a.DocFreq != b.DocFreq ? b.DocFreq.CompareTo(a.DocFreq)
            : string.CompareOrdinal(a.Term, b.Term));
        return all;
    }

    /// <summary>The segment's terms within reach of the word, with their edits and the segment's document frequencies.</summary>
    private static FuzzyCandidate[] Collect(AtomicReader segment, string field, string word, int maxEdits)
    {
        if (segment.GetTerms(field) is not { } terms)
            return [];
        var found = new List<FuzzyCandidate>();
        var matches = Automaton(word, maxEdits).GetTermsEnum(terms);
        while (matches.MoveNext())
        {
            var term = matches.Term.Utf8ToString();
            var edits = EditDistance.Between(term, word, maxEdits);
            if (edits <= maxEdits)
                found.Add(new FuzzyCandidate(term, edits, matches.DocFreq));
        }

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
            var automaton = BasicOperations.Concatenate(BasicAutomata.MakeString(text[..prefixLength]), Levenshtein(text[prefixLength..], edits));
            if (EditDistance.SwapsFirstLetters(text))
            {
                var swapped = BasicOperations.Concatenate(BasicAutomata.MakeString($"{text[1]}{text[0]}"), Levenshtein(text[2..], edits - 1));
                automaton = BasicOperations.Union(automaton, swapped);
            }

            return new CompiledAutomaton(automaton, true, false);
        });
    }

    private static Automaton Levenshtein(string text, int edits) =>
        (Ascii.IsValid(text) ? new LevenshteinAutomata([.. text.Select(c => (int)c)], AsciiMax, true) : new LevenshteinAutomata(text, true))
            .ToAutomaton(edits);
}
