using Catalog.Search.Querying.Filtering;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Execution;

/// <summary>The best few documents of a query under a filter and how many it matches (term at a time when the query has that shape).</summary>
internal static class BestMatches
{
    public static (IReadOnlyList<int> Docs, int Count) Of(IndexSearcher searcher, Query query, DocValuesFilter filter, int best)
    {
        var top = TopScoreDocCollector.Create(Math.Max(1, best), docsScoredInOrder: false);
        var withheld = 0;
        if (TermAtATimeSearch.Prepare(searcher, query) is { } prepared)
            withheld = prepared.Search(top, optionalScores: true, accepted: filter, best: Math.Max(1, best));
        else
            searcher.Search(RandomAccessFiltering.Apply(query, filter), top);
        return ([.. top.GetTopDocs().ScoreDocs.Take(best).Select(d => d.Doc)], top.TotalHits + withheld);
    }
}
