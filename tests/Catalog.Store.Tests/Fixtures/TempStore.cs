using Catalog.Core;
using Catalog.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Store.Tests.Fixtures;

/// <summary>
/// A real store built through the production registration: SQLite in a fresh temp folder, or a fresh
/// PostgreSQL database on the test server (<see cref="TestPostgres"/>), dropped on dispose.
/// </summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TempStore(string directory, StoreOptions options, ServiceProvider services, FakeTimeProvider clock)
    {
        Directory = directory;
        Options = options;
        _services = services;
        Clock = clock;
    }

    public string Directory { get; }

    public StoreOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public ICatalogDbFactory Factory => _services.GetRequiredService<ICatalogDbFactory>();

    public static Task<TempStore> CreateAsync(StoreProvider provider) => CreateAsync(null, provider);

    public static async Task<TempStore> CreateAsync(DateTimeOffset? now = null, StoreProvider provider = StoreProvider.Sqlite)
    {
        var store = new StoreOptions
        {
            Provider = provider,
            ConnectionString = provider == StoreProvider.Postgres ? await TestPostgres.CreateDatabaseAsync() : null,
        };
        var directory = Path.Combine(Path.GetTempPath(), "catalog-store-tests", Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var services = BuildServices(directory, store, clock);
        await services.GetRequiredService<StoreInitializer>().InitializeAsync();
        return new TempStore(directory, store, services, clock);
    }

    public CatalogDbContext Open() => Factory.Create();

    /// <summary>The production registration for one process; several on one database act as replicas.</summary>
    public static ServiceProvider BuildServices(string directory, StoreOptions store, TimeProvider clock)
    {
        var catalog = new CatalogOptions { DataDirectory = directory };
        return new ServiceCollection()
            .AddSingleton(clock)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(catalog))
            .AddCatalogStore(catalog, store)
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Options.Provider == StoreProvider.Postgres)
            await TestPostgres.DropDatabaseAsync(Options.ConnectionString!);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
