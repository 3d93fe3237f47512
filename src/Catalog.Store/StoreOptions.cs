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
}
