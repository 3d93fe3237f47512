using Catalog.Core.Search;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Filtering;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Facets;

/// <summary>
/// Disjunctive facet counting in the one pass that finds the hits: a field's counts apply every filter
/// except the field's own. The pass runs under <see cref="PassFilter"/>, which leaves out the clauses
/// owned by a requested facet ("split" clauses); each document it matches is tested against those
/// clauses, reaches the hits only when it passes them all, and is counted for every field whose own
/// clauses are the only ones it fails. The query is scored once, however many facets are filtered.
/// The pass filter itself is tested in the collector, once per matching document (as the query's accepted
/// documents it would be tested once per posting of every term a word expands to), unless the term-at-a-time
/// search hands over a segment's matches already filtered by it (<see cref="IMatchSetCollector"/>); with no
/// split clause, such a set is all hits; it is kept, and its facets are counted field by field over it once the
/// pass has read every segment and the number of matches is known (exact up to a limit, sampled above it).
/// </summary>
internal sealed class DisjunctiveFacets
{
    /// <summary>At most this many split clauses (one bit each); a filter has far fewer fields than this.</summary>
    private const int MaxSplitClauses = 32;

    private readonly List<FacetRequest> requests;
    private readonly TitleFilter? filter;
    private readonly DocValuesFilter[] split;
    private readonly CatalogSearcher searcher;
    private readonly int exactCountLimit;

    /// <summary>Each worker's collector of the pass, with its counts.</summary>
    private readonly List<SplitCollector> collectors = [];
    private readonly uint[] ownClauses;

    public DisjunctiveFacets(
        CatalogSearcher searcher, IReadOnlyList<FilterClause> clauses, DocValuesFilter available,
        IEnumerable<FacetRequest> requests, TitleFilter? filter, int exactCountLimit = int.MaxValue)
    {
        this.filter = filter;
        this.searcher = searcher;
        this.exactCountLimit = exactCountLimit;
        this.requests = [.. requests.DistinctBy(r => r.Field)];
        var fields = this.requests.Select(r => r.Field).ToHashSet();
        var splitClauses = clauses.Where(c => c.OwnedBy.Overlaps(fields)).ToList();
        if (splitClauses.Count > MaxSplitClauses)
            throw new InvalidOperationException($"A filter splits into at most {MaxSplitClauses} clauses.");
        split = [.. splitClauses.Select(c => c.Filter)];
        PassFilter = FilterClauses.Combine(clauses.Where(c => !c.OwnedBy.Overlaps(fields)), available);
        ownClauses = [.. this.requests.Select(r => Mask(splitClauses, c => c.OwnedBy.Contains(r.Field)))];
    }

    /// <summary>The filter every counted or collected document passes: availability and every clause no requested facet owns.</summary>
    public DocValuesFilter PassFilter { get; }

    /// <summary>Whether some documents passing <see cref="PassFilter"/> fail a facet's own clause (and are counted, never hits).</summary>
    public bool SplitsFilter => split.Length > 0;

    /// <summary>
    /// The collector of the pass (run the query without a filter): counts facets over the documents passing
    /// <see cref="PassFilter"/> and hands those passing every clause to <paramref name="hits"/>. Each worker of a pass
    /// has its own; the results add up their counts.
    /// </summary>
    public ICollector Around(ICollector hits)
    {
        var collector = new SplitCollector(this, [.. requests.Select(r => new FacetCounts(searcher, FacetFields.IndexField(r.Field)))], hits);
        collectors.Add(collector);
        return collector;
    }

    /// <summary>
    /// Call once, after the pass has run (it adds the workers' counts into the first worker's). The match sets the pass kept are counted now that their number is known: exactly up to
    /// the exact-count limit, over a sample above it (<see cref="MatchSample"/>; the facets then say they are not exact).
    /// </summary>
    public IReadOnlyList<FacetResult> Results()
    {
        var sets = collectors.SelectMany(collector => collector.Kept).OrderBy(set => set.Segment.DocBase).ToList();
        var scale = MatchSample.Count(sets, collectors[0].Counts, exactCountLimit);
        return [.. requests.Select((request, i) =>
        {
            var counts = Sum(i);
            if (scale == 1)
                return FacetFields.Result(request, collectors[0].Counts[i].Ordinals, counts, filter);
            MatchSample.Scale(counts, scale);
            return FacetFields.Result(request, collectors[0].Counts[i].Ordinals, counts, filter) with { Exact = false };
        })];
    }

    private int[] Sum(int field)
    {
        var sum = collectors[0].Counts[field].Counts;
        foreach (var collector in collectors.Skip(1))
        {
            var more = collector.Counts[field].Counts;
            for (var ord = 0; ord < sum.Length; ord++)
                sum[ord] += more[ord];
        }

        return sum;
    }

    private static uint Mask(List<FilterClause> clauses, Func<FilterClause, bool> selected)
    {
        var mask = 0u;
        for (var i = 0; i < clauses.Count; i++)
        {
            if (selected(clauses[i]))
                mask |= 1u << i;
        }

        return mask;
    }

    private sealed class SplitCollector(DisjunctiveFacets facets, FacetCounts[] counts, ICollector hits) : IMatchSetCollector
    {
        private readonly Predicate<int>?[] tests = new Predicate<int>?[facets.split.Length];
        private Predicate<int>? pass;
        private AtomicReaderContext? segment;

        /// <summary>This segment's documents were taken as a set that passed <see cref="PassFilter"/>.</summary>
        private bool passed;

        /// <summary>This segment's set was kept to be counted after the pass: every document collected is a hit.</summary>
        private bool counted;

        public FacetCounts[] Counts => counts;

        /// <summary>The match sets taken whole, whose facets are counted after the pass (<see cref="Results"/>).</summary>
        public List<MatchSet> Kept { get; } = [];

        public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            hits.SetNextReader(context);
            segment = context;
            pass = facets.PassFilter.Matcher(context.AtomicReader);
            passed = counted = false;
            for (var i = 0; i < tests.Length; i++)
                tests[i] = facets.split[i].Matcher(context.AtomicReader);
            foreach (var field in counts)
                field.SetSegment(context);
        }

        /// <summary>
        /// Without split clauses, a set that passed the pass filter is all hits: a copy is kept, and its facets are counted
        /// field by field over it after the pass. With split clauses only the pass filter's second test is saved.
        /// </summary>
        public (FixedBitSet Docs, bool AllHits) Take(FixedBitSet matches, DocValuesFilter? acceptedBy)
        {
            passed = ReferenceEquals(acceptedBy, facets.PassFilter);
            counted = passed && tests.Length == 0;
            if (counted && counts.Length > 0)
                Kept.Add(new MatchSet(segment!, matches.Clone(), matches.Cardinality));

            return (matches, counted);
        }

        public void Collect(int doc)
        {
            if (counted)
            {
                hits.Collect(doc);
                return;
            }

            if (!passed && (pass is null || !pass(doc)))
                return;
            var failed = 0u;
            for (var i = 0; i < tests.Length; i++)
            {
                if (tests[i]?.Invoke(doc) != true)
                    failed |= 1u << i;
            }

            if (failed == 0)
                hits.Collect(doc);
            for (var i = 0; i < counts.Length; i++)
            {
                // Counted when every clause the document fails is one of this field's own.
                if ((failed & ~facets.ownClauses[i]) == 0)
                    counts[i].Count(doc);
            }
        }
    }
}
