using Catalog.Search.Querying.Filtering;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Execution;

/// <summary>The best few documents of a query under a filter and how many it matches (term at a time when the query has that shape).</summary>
internal static class BestMatches
{
    /// <remarks>Term at a time, <paramref name="workers"/> read the segments (by default what <see cref="SearchThreads"/> grants now).</remarks>
    public static (IReadOnlyList<int> Docs, int Count) Of(IndexSearcher searcher, Query query, DocValuesFilter filter, int best, int? workers = null)
    {
        var size = Math.Max(1, best);
        if (TermAtATimeSearch.Prepare(searcher, query) is not { } prepared)
        {
            var top = TopScoreDocCollector.Create(size, docsScoredInOrder: false);
            searcher.Search(RandomAccessFiltering.Apply(query, filter), top);
            return ([.. top.GetTopDocs().ScoreDocs.Take(best).Select(d => d.Doc)], top.TotalHits);
        }

        var tops = Enumerable.Range(0, Math.Max(1, workers ?? SearchThreads.Available(searcher.IndexReader.Leaves.Count)))
            .Select(_ => TopScoreDocCollector.Create(size, docsScoredInOrder: false)).ToArray();
        var withheld = prepared.Search(tops, optionalScores: true, accepted: filter, best: size);
        // Ties go to the lower document, as one collector over every segment breaks them, whichever worker read which segment.
        var docs = tops.SelectMany(top => top.GetTopDocs().ScoreDocs).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(best).Select(d => d.Doc);
        return ([.. docs], tops.Sum(top => top.TotalHits) + withheld);
    }
}
