using Catalog.Core;
using Catalog.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Store.Tests.Fixtures;

/// <summary>A real SQLite store in a fresh temp folder, built through the production registration.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TempStore(string directory, ServiceProvider services, FakeTimeProvider clock)
    {
        Directory = directory;
        _services = services;
        Clock = clock;
    }

    public string Directory { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public ICatalogDbFactory Factory => _services.GetRequiredService<ICatalogDbFactory>();

    public static async Task<TempStore> CreateAsync(DateTimeOffset? now = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "catalog-store-tests", Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var catalog = new CatalogOptions { DataDirectory = directory };
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(catalog))
            .AddCatalogStore(catalog, new StoreOptions())
            .BuildServiceProvider();
        await services.GetRequiredService<StoreInitializer>().InitializeAsync();
        return new TempStore(directory, services, clock);
    }

    public CatalogDbContext Open() => Factory.Create();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
