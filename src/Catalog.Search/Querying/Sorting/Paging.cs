using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Filtering;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Sorting;

/// <summary>One page of sorted hits (the sort ends with the id, so the id is the last sort value).</summary>
internal sealed record Page(int TotalCount, IReadOnlyList<FieldDoc> Hits, bool HasNextPage)
{
    public IEnumerable<string> Ids => Hits.Select(Paging.IdOf);
}

/// <summary>Search-after paging: one extra hit tells whether another page follows.</summary>
internal static class Paging
{
    /// <summary>The engine's own cap on a page, whatever the caller asks (the API caps <c>first</c> lower still).</summary>
    public const int MaxPageSize = 1000;

    public static int CheckFirst(int first) =>
        first < 0
            ? throw new ArgumentOutOfRangeException(nameof(first), first, "'first' must not be negative.")
            : Math.Min(first, MaxPageSize);

    /// <summary>
    /// The page of <paramref name="query"/> under <paramref name="filter"/>; <paramref name="around"/> may wrap the hit
    /// collector. An unfiltered relevance query runs term at a time (<see cref="TermAtATimeSearch"/>); under another
    /// order, the clauses that only add to scores are read for the page's hits alone. Documents outside <paramref name="accepted"/>
    /// must be ones the collector never takes, and those outside <paramref name="ranked"/> ones it never ranks (it may count
    /// them): term at a time, the former are dropped before the query's later clauses are read, the latter get no boosts, nor do
    /// the titles that cannot reach a first page in relevance order.
    /// </summary>
    /// <remarks>Term at a time, <paramref name="workers"/> read the segments (<see cref="SearchThreads"/>), each into its own collector.</remarks>
    public static Page Run(
        IndexSearcher searcher, Query query, Filter? filter, Sort sort, int first, FieldDoc? after,
        Func<ICollector, ICollector>? around = null, bool scores = false, DocValuesFilter? accepted = null, DocValuesFilter? ranked = null,
        int workers = 1)
    {
        var termAtATime = filter is null ? TermAtATimeSearch.Prepare(searcher, query) : null;
        var tops = Enumerable.Range(0, termAtATime is null ? 1 : Math.Max(1, workers))
            .Select(_ => TopFieldCollector.Create(sort, first + 1, after, true, scores, false, false)).ToArray();
        var collectors = tops.Select(top => around is null ? top : around(top)).ToArray();
        var byScore = sort.GetSort()[0].Type == SortFieldType.SCORE;
        var withheld = 0;
        if (termAtATime is null)
            searcher.Search(RandomAccessFiltering.Apply(query, filter), collectors[0]);
        else
            withheld = termAtATime.Search(collectors, optionalScores: byScore, accepted, ranked, best: after is null ? first + 1 : null);
        var topDocs = tops.Length == 1 ? tops[0].GetTopDocs() : TopDocs.Merge(sort, first + 1, [.. tops.Select(top => top.GetTopDocs())]);
        var docs = topDocs.ScoreDocs.Cast<FieldDoc>().ToList();
        if (termAtATime is not null && scores && !byScore)
            termAtATime.Rescore(docs);
        return new Page(tops.Sum(top => top.TotalHits) + withheld, docs.Count > first ? docs[..first] : docs, docs.Count > first);
    }

    public static string IdOf(FieldDoc hit) => ((BytesRef)hit.Fields[^1]).Utf8ToString();
}
