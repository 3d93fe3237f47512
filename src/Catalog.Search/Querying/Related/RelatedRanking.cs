using System.Text;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Related;

/// <summary>One shared value of related titles: its term and per-segment states, how many titles hold it and its score weight.</summary>
internal sealed record RelatedFeature(Term Term, TermContext States, int DocFreq, float Weight);

/// <summary>
/// Among the titles holding a candidate feature, the best by the sum of the weights of all the features
/// they hold, ties by id as the search sorts do, exactly, without reading every posting list (MaxScore,
/// term at a time).
/// </summary>
/// <remarks>
/// Candidate features are visited heaviest (rarest) first, the others only count in scores. Each title met in a feature's postings is scored over
/// every feature it holds from the cached value columns, and skipped when it holds a feature visited
/// earlier (it was scored then). A title not met yet holds none of the visited features, so it scores at
/// most the sum of the unvisited candidates and of the other features: once that sum is below the last of
/// the best titles, no unvisited posting list can change the answer and the long lists are never read.
/// Nothing is allocated per visited title.
/// </remarks>
internal sealed class RelatedRanking
{
    private static readonly string[] Fields = [IndexFields.Person, IndexFields.Tag, IndexFields.Genre];

    private readonly IndexReader reader;
    private readonly List<RelatedFeature> features;
    private readonly DocValuesFilter filter;
    private readonly bool[] candidates;
    private readonly int wanted;
    private readonly Segment?[] segments;
    private readonly List<(float Score, byte[] Id)> top;

    private RelatedRanking(IndexReader reader, List<RelatedFeature> features, bool[] candidates, DocValuesFilter filter, int wanted)
    {
        this.reader = reader;
        this.features = features;
        this.candidates = candidates;
        this.filter = filter;
        this.wanted = wanted;
        segments = new Segment?[reader.Leaves.Count];
        top = new List<(float, byte[])>(wanted + 1);
    }

    /// <summary>
    /// The best <paramref name="wanted"/> titles holding one of the <paramref name="byWeight"/> features (heaviest
    /// first) that <paramref name="isCandidate"/> accepts and passing the filter.
    /// </summary>
    public static List<(float Score, string Id)> Rank(
        IndexReader reader, List<RelatedFeature> byWeight, Func<RelatedFeature, bool> isCandidate, DocValuesFilter filter, int wanted)
    {
        var candidates = byWeight.Select(isCandidate).ToArray();
        var ranking = new RelatedRanking(reader, byWeight, candidates, filter, wanted);
        // A title not met yet may hold any unvisited candidate and any other feature, wherever it sorts.
        var others = byWeight.Where((_, i) => !candidates[i]).Sum(f => f.Weight);
        var unvisited = new float[byWeight.Count + 1];
        for (var i = byWeight.Count - 1; i >= 0; i--)
            unvisited[i] = unvisited[i + 1] + (candidates[i] ? byWeight[i].Weight : 0);
        for (var i = 0; i < byWeight.Count; i++)
        {
            // The margin covers float rounding between this sum and a title's own.
            if (ranking.top.Count == wanted && (unvisited[i] + others) * 1.0001f < ranking.top[^1].Score)
                break;
            if (candidates[i])
                ranking.Visit(i);
        }

        return [.. ranking.top.Select(hit => (hit.Score, Encoding.UTF8.GetString(hit.Id)))];
    }

    private void Visit(int feature)
    {
        var term = features[feature].Term;
        foreach (var leaf in reader.Leaves)
        {
            if (features[feature].States.Get(leaf.Ord) is not { } state)
                continue;
            var segment = segments[leaf.Ord] ??= new Segment(leaf, features, filter);
            if (segment.Accepts is null || segment.Ids is null || TermStates.Docs(leaf.AtomicReader, term, state, DocsFlags.NONE) is not { } postings)
                continue;
            var docs = postings.Docs;
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                Offer(segment, feature, doc);
        }
    }

    private void Offer(Segment segment, int feature, int doc)
    {
        var score = 0f;
        for (var i = 0; i < Fields.Length; i++)
        {
            if (segment.Columns[i] is not { } column)
                continue;
            var held = segment.Held[i];
            var end = column.Starts[doc + 1];
            for (var j = column.Starts[doc]; j < end; j++)
            {
                if (!held.TryGet(column.Ords[j], out var value))
                    continue;
                if (value.Feature < feature && candidates[value.Feature])
                    return;
                score += value.Weight;
            }
        }

        var full = top.Count == wanted;
        if ((full && score < top[^1].Score) || !segment.Accepts!(doc) || !segment.Ids!.TryGet(doc, out var id))
            return;
        if (full && !Before(score, id, top[^1]))
            return;
        var at = top.Count;
        while (at > 0 && Before(score, id, top[at - 1]))
            at--;
        top.Insert(at, (score, id.ToArray()));
        if (top.Count > wanted)
            top.RemoveAt(wanted);
    }

    private static bool Before(float score, ReadOnlySpan<byte> id, (float Score, byte[] Id) other) =>
        score > other.Score || (score == other.Score && id.SequenceCompareTo(other.Id) < 0);

    /// <summary>One segment's columns, filter test and the segment ordinals of the features (by field).</summary>
    private sealed class Segment
    {
        public Segment(AtomicReaderContext leaf, List<RelatedFeature> features, DocValuesFilter filter)
        {
            var segment = leaf.AtomicReader;
            Accepts = filter.Matcher(segment);
            Ids = SegmentColumns.Bytes(segment, IndexFields.Id);
            for (var i = 0; i < Fields.Length; i++)
            {
                Held[i] = new HeldOrdinals();
                Columns[i] = SegmentColumns.Ordinals(segment, Fields[i]);
                if (Columns[i] is null || segment.GetSortedSetDocValues(Fields[i]) is not { } values)
                    continue;
                for (var f = 0; f < features.Count; f++)
                {
                    // A value no title of the segment holds has no postings there: skip its value lookup.
                    if (features[f].Term.Field == Fields[i] && features[f].States.Get(leaf.Ord) is not null
                        && values.LookupTerm(features[f].Term.Bytes) is var ord and >= 0)
                        Held[i].Add((int)ord, features[f].Weight, f);
                }
            }
        }

        public Predicate<int>? Accepts { get; }

        public SegmentBytes? Ids { get; }

        public SegmentOrdinals?[] Columns { get; } = new SegmentOrdinals?[Fields.Length];

        public HeldOrdinals[] Held { get; } = new HeldOrdinals[Fields.Length];
    }
}
