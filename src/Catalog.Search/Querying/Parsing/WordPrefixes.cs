using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Parsing;

/// <summary>
/// Prefix search over a word field (people, tags) without indexed edge n-grams: the typed prefix expands
/// into the field's most frequent terms that start with it. The cap keeps a one- or two-letter prefix as
/// cheap as a longer one (a query holds at most <see cref="MaxTerms"/> term queries per field) and favours
/// the values most titles share. Each segment's answer is kept for the segment's life (segments never
/// change), so a near-real-time reopen only pays for its new, small segments.
/// Every expansion scores the same (a prefix match in <see cref="RankingRules"/>), whichever word matched.
/// </summary>
internal static class WordPrefixes
{
    public const int MaxTerms = 8;

    private const int MaxCachedAnswersPerSegment = 20_000;

    private static readonly KeptAnswers<(string Field, string Prefix), TermCount[]> Answers = new(MaxCachedAnswersPerSegment);

    /// <summary>Adds the expansions of <paramref name="prefix"/> in <paramref name="field"/> to the word's alternatives, as one alternative.</summary>
    public static void AddTo(DisjunctionMaxQuery clause, IndexReader reader, string field, string prefix, float boost)
    {
        var terms = Expand(reader, field, prefix);
        if (terms.Count == 0)
            return;
        var any = new DisjunctionMaxQuery(0f);
        foreach (var (term, _) in terms)
            any.Add(new TermQuery(new Term(field, term)) { Boost = boost });

        clause.Add(any);
    }

    /// <summary>Documents holding one of the expansions (as-you-type suggestions count values over them).</summary>
    public static Query Matching(IndexReader reader, string field, string prefix)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in MostFrequent(reader, field, prefix))
            query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        return query;
    }

    /// <summary>Up to <see cref="MaxTerms"/> terms starting with <paramref name="prefix"/>, most documents first (then in term order).</summary>
    public static IReadOnlyList<string> MostFrequent(IndexReader reader, string field, string prefix) =>
        [.. Expand(reader, field, prefix).Select(t => t.Term)];

    /// <summary>The most frequent terms, each with the documents of the segments that listed it among their own most frequent.</summary>
    private static List<TermCount> Expand(IndexReader reader, string field, string prefix)
    {
        if (prefix.Length == 0)
            return [];
        var docFreqs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            foreach (var (term, docFreq) in SegmentExpand(leaf.AtomicReader, field, prefix))
                docFreqs[term] = docFreqs.GetValueOrDefault(term) + docFreq;
        }

        var terms = docFreqs
            .OrderByDescending(t => t.Value)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(MaxTerms)
            .Select(t => new TermCount(t.Key, t.Value))
            .ToList();
        return terms;
    }

    private static TermCount[] SegmentExpand(AtomicReader segment, string field, string prefix) =>
        Answers.GetOrAdd(segment.CoreCacheKey, (field, prefix), static (key, segment) => Collect(segment, key.Field, key.Prefix), segment);

    private static TermCount[] Collect(AtomicReader segment, string field, string prefix)
    {
        if (segment.GetTerms(field) is not { } terms)
            return [];
        var start = new BytesRef(prefix);
        var termsEnum = terms.GetEnumerator();
        if (termsEnum.SeekCeil(start) == TermsEnum.SeekStatus.END)
            return [];

        // Keeps the MaxTerms largest in a min-heap: a short prefix can match tens of thousands of terms.
        var best = new PriorityQueue<BytesRef, (int DocFreq, BytesRef Term)>(MaxTerms + 1, LeastFrequentFirst.Instance);
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, start))
                break;
            var docFreq = termsEnum.DocFreq;
            if (best.Count == MaxTerms && best.TryPeek(out _, out var least) && least.DocFreq >= docFreq)
                continue;
            var copy = BytesRef.DeepCopyOf(term);
            best.Enqueue(copy, (docFreq, copy));
            if (best.Count > MaxTerms)
                best.Dequeue();
        }
        while (termsEnum.MoveNext());

        var found = new TermCount[best.Count];
        for (var i = found.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var term, out var priority);
            found[i] = new TermCount(term!.Utf8ToString(), priority.DocFreq);
        }

        return found;
    }

    private readonly record struct TermCount(string Term, long DocFreq);

    /// <summary>Fewer documents first; among equals the later term first, so the earlier term is kept.</summary>
    private sealed class LeastFrequentFirst : IComparer<(int DocFreq, BytesRef Term)>
    {
        public static readonly LeastFrequentFirst Instance = new();

        public int Compare((int DocFreq, BytesRef Term) x, (int DocFreq, BytesRef Term) y) =>
            x.DocFreq != y.DocFreq ? x.DocFreq.CompareTo(y.DocFreq) : y.Term.CompareTo(x.Term);
    }
}
