using Catalog.Store;
using Catalog.Store.Tests.Fixtures;

namespace Catalog.Api.Tests.Fixtures;

/// <summary>
/// The store provider a parameterised test class runs on, as a type argument: each provider then has its own
/// fixture type, so xunit builds one host (and on PostgreSQL one database) per test class and provider.
/// </summary>
public interface ITestStore
{
    static abstract StoreProvider Provider { get; }
}

public sealed class OnSqlite : ITestStore
{
    public static StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class OnPostgres : ITestStore
{
    public static StoreProvider Provider => StoreProvider.Postgres;
}

/// <summary>
/// The trait every PostgreSQL variant carries: <c>--filter Store=Postgres</c> runs only those,
/// <c>--filter Store!=Postgres</c> everything else (the SQLite variants and the single-provider classes).
/// </summary>
public static class StoreTrait
{
    public const string Name = "Store";
    public const string Postgres = "Postgres";
}

/// <summary>
/// The store a test host or verb runs on: SQLite needs no settings (catalog.db in the data folder); PostgreSQL
/// gets a database of its own on the test server (<see cref="TestPostgres"/>: skip or fail without one), dropped
/// on dispose.
/// </summary>
public sealed class TestStoreDatabase : IAsyncDisposable
{
    private TestStoreDatabase(string? postgresConnectionString) => PostgresConnectionString = postgresConnectionString;

    public string? PostgresConnectionString { get; }

    /// <summary>The <c>Catalog:Store</c> keys that select this store (none for SQLite, the default).</summary>
    public IReadOnlyDictionary<string, string?> Settings => PostgresConnectionString is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            [$"{StoreOptions.Section}:{nameof(StoreOptions.Provider)}"] = nameof(StoreProvider.Postgres),
            [$"{StoreOptions.Section}:{nameof(StoreOptions.ConnectionString)}"] = PostgresConnectionString,
        };

    /// <summary>The same settings as <c>--key=value</c> tokens for a <c>catalog</c> command line.</summary>
    public IEnumerable<string> CommandLine => Settings.Select(s => $"--{s.Key}={s.Value}");

    public static async Task<TestStoreDatabase> CreateAsync(StoreProvider provider) =>
        new(provider == StoreProvider.Postgres ? await TestPostgres.CreateDatabaseAsync() : null);

    public async ValueTask DisposeAsync()
    {
        if (PostgresConnectionString is not null)
            await TestPostgres.DropDatabaseAsync(PostgresConnectionString);
    }
}

/// <summary>A class fixture holding one <see cref="TestStoreDatabase"/> for tests that run verbs rather than a host.</summary>
public sealed class TestStoreFixture<TStore> : IAsyncLifetime
    where TStore : ITestStore
{
    private TestStoreDatabase? database;

    public TestStoreDatabase Database => database ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    public async Task InitializeAsync() => database = await TestStoreDatabase.CreateAsync(TStore.Provider);

    public async Task DisposeAsync()
    {
        if (database is not null)
            await database.DisposeAsync();
    }
}
