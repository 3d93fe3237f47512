namespace Catalog.Search.Indexing;

/// <summary>Bound from <c>Catalog:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Catalog:Search";

    /// <summary>How often the index polls the store's change log (edits are searchable within about this).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Change-log entries applied per commit while catching up.</summary>
    public int CatchUpBatchSize { get; set; } = 1000;

    /// <summary>Titles read from the store per query during a full build.</summary>
    public int BuildPageSize { get; set; } = 2000;

    /// <summary>An unreferenced generation folder untouched for this long is deleted at start (it may be another process's build).</summary>
    public TimeSpan AbandonedBuildAge { get; set; } = TimeSpan.FromMinutes(10);
}
