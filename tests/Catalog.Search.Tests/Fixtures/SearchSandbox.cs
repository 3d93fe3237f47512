using Catalog.Core;
using Catalog.Core.Feed;
using Catalog.Core.Titles;
using Catalog.Search.Indexing;
using Catalog.Store;
using Catalog.Store.Feed;
using Catalog.Store.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Search.Tests.Fixtures;

/// <summary>
/// A data folder with a real store (SQLite in the folder, or a fresh PostgreSQL database) and index, in which "processes" (service providers built with
/// the production registrations) can be started and stopped, so restarts and crashes can be replayed.
/// </summary>
public sealed class SearchSandbox : IAsyncDisposable
{
    private readonly List<SearchProcess> processes = [];

    private readonly StoreOptions store;

    private SearchSandbox(string directory, StoreOptions store)
    {
        Directory = directory;
        this.store = store;
    }

    public string Directory { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(FixtureTitles.Now));

    public IndexLayout Layout => IndexLayout.InDataDirectory(Directory);

    /// <summary>A sandbox whose store holds <paramref name="titles"/> (the fixture titles by default).</summary>
    public static async Task<SearchSandbox> CreateAsync(IEnumerable<Title>? titles = null, StoreProvider provider = StoreProvider.Sqlite)
    {
        var store = new StoreOptions
        {
            Provider = provider,
            ConnectionString = provider == StoreProvider.Postgres ? await TestPostgres.CreateDatabaseAsync() : null,
        };
        var sandbox = new SearchSandbox(System.IO.Directory.CreateTempSubdirectory("catalog-search-").FullName, store);
        await using var seeding = sandbox.Start();
        await seeding.Services.GetRequiredService<StoreInitializer>().InitializeAsync();
        await using var db = seeding.Store.Create();
        db.Titles.AddRange(titles ?? FixtureTitles.Copies());
        await db.SaveChangesAsync();
        return sandbox;
    }

    /// <summary>Starts a process over the sandbox's data folder; <paramref name="feed"/> can wrap the store feed (fault injection).</summary>
    public SearchProcess Start(Func<ITitleFeed, ITitleFeed>? feed = null, SearchOptions? options = null)
    {
        var catalog = new CatalogOptions { DataDirectory = Directory };
        var search = options ?? new SearchOptions { PollInterval = TimeSpan.FromMilliseconds(50), AbandonedBuildAge = TimeSpan.Zero };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(catalog))
            .AddCatalogStore(catalog, store)
            .AddStoreTitleFeed(search.BuildPageSize)
            .AddCatalogSearch(search);
        if (feed is not null)
            services.AddSingleton(sp => feed(new StoreTitleFeed(sp.GetRequiredService<ICatalogDbFactory>(), search.BuildPageSize)));
        var process = new SearchProcess(services.BuildServiceProvider());
        processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
            await process.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (store.Provider == StoreProvider.Postgres)
            await TestPostgres.DropDatabaseAsync(store.ConnectionString!);
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
