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
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each serving process compacts the change log (real time).</summary>
    public TimeSpan ChangeLogCompactionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries deleted per transaction, so compaction never holds the write lock for long.</summary>
    public int ChangeLogCompactionBatchSize { get; set; } = 1000;

    /// <summary>Refuses settings compaction cannot run with, naming the key.</summary>
    public void Validate()
    {
        if (ChangeLogRetention <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:ChangeLogRetention must be positive (was {ChangeLogRetention}).");
        if (ChangeLogCompactionInterval <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:ChangeLogCompactionInterval must be positive (was {ChangeLogCompactionInterval}).");
        if (ChangeLogCompactionBatchSize < 1)
            throw new InvalidOperationException($"{Section}:ChangeLogCompactionBatchSize must be at least 1 (was {ChangeLogCompactionBatchSize}).");
    }
}
