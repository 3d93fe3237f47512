using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>
/// Prefix search over a word field (people, tags) without indexed edge n-grams: the typed prefix expands
/// into the field's most frequent terms that start with it. The cap keeps a one- or two-letter prefix as
/// cheap as a longer one (a query holds at most <see cref="MaxTerms"/> term queries per field) and favours
/// the values most titles share. Each segment's answer is kept for the segment's life (segments never
/// change), so a near-real-time reopen only pays for its new, small segments.
/// A match scores as the indexed prefix term used to: by the rarity of the prefix as a whole (every
/// document with a word starting with it), not of the one word that matched, which would rank a rare
/// person's name above the words of a title.
/// </summary>
internal static class WordPrefixes
{
    public const int MaxTerms = 8;

    private const int MaxCachedAnswersPerSegment = 20_000;

    private static readonly KeptAnswers<(string Field, string Prefix), SegmentExpansion> Answers = new(MaxCachedAnswersPerSegment);

    /// <summary>Adds the expansions of <paramref name="prefix"/> in <paramref name="field"/> to the word's alternatives, as one alternative.</summary>
    public static void AddTo(DisjunctionMaxQuery clause, IndexReader reader, string field, string prefix, float boost)
    {
        var (terms, prefixDocFreq) = Expand(reader, field, prefix);
        if (terms.Count == 0)
            return;
        var prefixIdf = CatalogSimilarity.Idf(Math.Min(prefixDocFreq, reader.MaxDoc), reader.MaxDoc);
        var any = new DisjunctionMaxQuery(0f);
        foreach (var (term, docFreq) in terms)
        {
            // A term query scores idf² × boost: this boost turns the word's idf into the prefix's.
            var termIdf = CatalogSimilarity.Idf(docFreq, reader.MaxDoc);
            any.Add(new TermQuery(new Term(field, term)) { Boost = boost * prefixIdf * prefixIdf / (termIdf * termIdf) });
        }

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
        [.. Expand(reader, field, prefix).Terms.Select(t => t.Term)];

    /// <summary>
    /// The most frequent terms, each with the documents of the segments that listed it among their own most
    /// frequent, and the documents of every term with the prefix (more than the documents with any: a
    /// document counts once per such word).
    /// </summary>
    private static (List<TermCount> Terms, long PrefixDocFreq) Expand(IndexReader reader, string field, string prefix)
    {
        if (prefix.Length == 0)
            return ([], 0);
        var docFreqs = new Dictionary<string, long>(StringComparer.Ordinal);
        long prefixDocFreq = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = SegmentExpand(leaf.AtomicReader, field, prefix);
            prefixDocFreq += segment.PrefixDocFreq;
            foreach (var (term, docFreq) in segment.Terms)
                docFreqs[term] = docFreqs.GetValueOrDefault(term) + docFreq;
        }

        var terms = docFreqs
            .OrderByDescending(t => t.Value)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(MaxTerms)
            .Select(t => new TermCount(t.Key, t.Value))
            .ToList();
        return (terms, prefixDocFreq);
    }

    private static SegmentExpansion SegmentExpand(AtomicReader segment, string field, string prefix) =>
        Answers.GetOrAdd(segment.CoreCacheKey, (field, prefix), static (key, segment) => Collect(segment, key.Field, key.Prefix), segment);

    private static SegmentExpansion Collect(AtomicReader segment, string field, string prefix)
    {
        if (segment.GetTerms(field) is not { } terms)
            return SegmentExpansion.None;
        var start = new BytesRef(prefix);
        var termsEnum = terms.GetEnumerator();
        if (termsEnum.SeekCeil(start) == TermsEnum.SeekStatus.END)
            return SegmentExpansion.None;

        // Keeps the MaxTerms largest in a min-heap: a short prefix can match tens of thousands of terms.
        var best = new PriorityQueue<BytesRef, (int DocFreq, BytesRef Term)>(MaxTerms + 1, LeastFrequentFirst.Instance);
        long prefixDocFreq = 0;
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, start))
                break;
            var docFreq = termsEnum.DocFreq;
            prefixDocFreq += docFreq;
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

        return new SegmentExpansion(found, prefixDocFreq);
    }

    private readonly record struct TermCount(string Term, long DocFreq);

    private sealed record SegmentExpansion(TermCount[] Terms, long PrefixDocFreq)
    {
        public static readonly SegmentExpansion None = new([], 0);
    }

    /// <summary>Fewer documents first; among equals the later term first, so the earlier term is kept.</summary>
    private sealed class LeastFrequentFirst : IComparer<(int DocFreq, BytesRef Term)>
    {
        public static readonly LeastFrequentFirst Instance = new();

        public int Compare((int DocFreq, BytesRef Term) x, (int DocFreq, BytesRef Term) y) =>
            x.DocFreq != y.DocFreq ? x.DocFreq.CompareTo(y.DocFreq) : y.Term.CompareTo(x.Term);
    }
}
