using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Filtering;

/// <summary>
/// Applies a filter as the query's accepted documents whenever the filter offers random access: the
/// query's postings skip rejected documents as they skip deleted ones, and pure-SHOULD queries keep
/// Lucene's out-of-order bulk scorer. Lucene's default strategy only does so when the filter's first
/// document is below 100 and otherwise walks the filter in lock-step with the query; filters without
/// random access (rails) still get that lock-step walk.
/// </summary>
internal static class RandomAccessFiltering
{
    private static readonly FilteredQuery.FilterStrategy Strategy = new AcceptDocsStrategy();

    public static Query Apply(Query query, Filter? filter) =>
        filter is null ? query : new FilteredQuery(query, filter, Strategy);

    private sealed class AcceptDocsStrategy : FilteredQuery.FilterStrategy
    {
        public override Scorer FilteredScorer(AtomicReaderContext context, Weight weight, DocIdSet docIdSet) =>
            docIdSet.Bits is { } accepted
                ? weight.GetScorer(context, accepted)
                : FilteredQuery.LEAP_FROG_QUERY_FIRST_STRATEGY.FilteredScorer(context, weight, docIdSet);

        public override BulkScorer FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet) =>
            docIdSet.Bits is { } accepted
                ? weight.GetBulkScorer(context, scoreDocsInOrder, accepted)
                : FilteredQuery.LEAP_FROG_QUERY_FIRST_STRATEGY.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);
    }
}
