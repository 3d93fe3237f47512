using Catalog.Benchmarks.Queries;

namespace Catalog.Benchmarks.Systems;

/// <summary>What the harness needs of a system: one page of a query with its 5 facet counts.</summary>
internal interface ISearchSystem : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Local server processes doing the work (PostgreSQL backends), whose CPU time counts too.</summary>
    IReadOnlyList<int> ServerProcesses => [];

    /// <summary>Untimed set-up per query (Catalog resolves deep cursors by walking the earlier pages).</summary>
    Task PrepareAsync(IReadOnlyList<BenchQuery> queries, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs the query; <paramref name="worker"/> (0..threads-1) picks a per-thread connection.</summary>
    Task<SearchAnswer> SearchAsync(BenchQuery query, int worker, CancellationToken cancellationToken);
}

/// <summary>The page's title ids in order, the total, how many facet values came back, and (Catalog) where the time went.</summary>
internal sealed record SearchAnswer(int TotalCount, IReadOnlyList<string> TitleIds, int FacetValues, Catalog.Core.Search.SearchTimings? Phases = null);
