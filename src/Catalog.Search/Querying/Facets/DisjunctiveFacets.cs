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
/// split clause, such a set is all hits and its facets are counted field by field over the set.
/// </summary>
internal sealed class DisjunctiveFacets
{
    /// <summary>At most this many split clauses (one bit each); a filter has far fewer fields than this.</summary>
    private const int MaxSplitClauses = 32;

    private readonly List<FacetRequest> requests;
    private readonly TitleFilter? filter;
    private readonly DocValuesFilter[] split;
    private readonly CatalogSearcher searcher;

    /// <summary>Each collector's counts, field by field (one collector per worker of the pass).</summary>
    private readonly List<FacetCounts[]> counted = [];
    private readonly uint[] ownClauses;

    public DisjunctiveFacets(
        CatalogSearcher searcher, IReadOnlyList<FilterClause> clauses, DocValuesFilter available,
        IEnumerable<FacetRequest> requests, TitleFilter? filter)
    {
        this.filter = filter;
        this.searcher = searcher;
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
        FacetCounts[] counts = [.. requests.Select(r => new FacetCounts(searcher, FacetFields.IndexField(r.Field)))];
        counted.Add(counts);
        return new SplitCollector(this, counts, hits);
    }

    /// <summary>Call after the pass has run.</summary>
    public IReadOnlyList<FacetResult> Results() =>
        [.. requests.Select((request, i) => FacetFields.Result(request, counted[0][i].Ordinals, Sum(i), filter))];

    private int[] Sum(int field)
    {
        var sum = counted[0][field].Counts;
        foreach (var counts in counted.Skip(1))
        {
            var more = counts[field].Counts;
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

        /// <summary>This segment's documents were taken as a set that passed <see cref="PassFilter"/>.</summary>
        private bool passed;

        /// <summary>This segment's facets were counted from the set: every document collected is a hit.</summary>
        private bool counted;

        public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            hits.SetNextReader(context);
            pass = facets.PassFilter.Matcher(context.AtomicReader);
            passed = counted = false;
            for (var i = 0; i < tests.Length; i++)
                tests[i] = facets.split[i].Matcher(context.AtomicReader);
            foreach (var field in counts)
                field.SetSegment(context);
        }

        /// <summary>
        /// Without split clauses, a set that passed the pass filter is all hits: its facets are counted field by field
        /// over the set. With split clauses only the pass filter's second test is saved.
        /// </summary>
        public (FixedBitSet Docs, bool AllHits) Take(FixedBitSet matches, DocValuesFilter? acceptedBy)
        {
            passed = ReferenceEquals(acceptedBy, facets.PassFilter);
            counted = passed && tests.Length == 0;
            if (counted)
            {
                var count = matches.Cardinality;
                foreach (var field in counts)
                    field.CountAll(matches, count);
            }

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
