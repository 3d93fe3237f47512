using System.ComponentModel.DataAnnotations;

namespace Catalog.Store;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from <c>Catalog:Store</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Catalog:Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>Connection string; for SQLite, empty means <c>catalog.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Change-log entries older than this (by the catalog clock) are deleted once a later entry for the same
    /// title exists. A replica whose index is further behind than this rebuilds at start.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each serving process compacts the change log (real time).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "30.00:00:00")]
    public TimeSpan ChangeLogCompactionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries deleted per transaction, so compaction never holds the write lock for long.</summary>
    [Range(1, 1_000_000)]
    public int ChangeLogCompactionBatchSize { get; set; } = 1000;

    /// <summary>
    /// SQLite page cache of a running import, MiB (0: SQLite's default of 2 MiB). A bulk load that fits its
    /// modified pages here writes each page once, at commit, instead of spilling and rewriting index pages.
    /// </summary>
    [Range(0, 16_384)]
    public int ImportCacheMiB { get; set; } = 128;
}
