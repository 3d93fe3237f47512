using Catalog.Benchmarks.Queries;
using Catalog.Core.Search;

namespace Catalog.Benchmarks.Systems;

/// <summary>Catalog's own search (ITitleSearch over the live Lucene index), asked exactly what the GraphQL API would ask.</summary>
internal sealed class CatalogEngine(ITitleSearch search, string name) : ISearchSystem
{
    private readonly Dictionary<int, string?> deepCursors = [];

    public string Name => name;

    /// <summary>Deep pages are reached the way a client reaches them: following the cursors of the earlier pages.</summary>
    public async Task PrepareAsync(IReadOnlyList<BenchQuery> queries, CancellationToken cancellationToken)
    {
        foreach (var query in queries.Where(q => q.Page > 1))
        {
            string? after = null;
            for (var page = 1; page < query.Page; page++)
            {
                var result = await search.SearchAsync(Request(query, after), cancellationToken);
                if (result.Hits.Count == 0)
                    break;
                after = result.Hits[^1].Cursor;
            }

            deepCursors[query.Number] = after;
        }
    }

    public async Task<SearchAnswer> SearchAsync(BenchQuery query, int worker, CancellationToken cancellationToken)
    {
        var after = query.Page > 1 ? deepCursors.GetValueOrDefault(query.Number) : null;
        var result = await search.SearchAsync(Request(query, after), cancellationToken);
        return new SearchAnswer(result.TotalCount, [.. result.Hits.Select(h => h.TitleId)], result.Facets.Sum(f => f.Values.Count), result.Timings);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static SearchRequest Request(BenchQuery query, string? after) => new()
    {
        Query = query.Text,
        Filter = query.Filter,
        Sort = query.Sort,
        Facets = BenchQuery.Facets,
        First = BenchQuery.PageSize,
        After = after,
        Highlight = false,
    };
}
