using Catalog.Api.Auth;
using Catalog.Api.Health.WarmUp;
using Catalog.Api.Hosting;
using Catalog.Core.Titles;
using Catalog.Search.Indexing;
using Catalog.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Tests.Fixtures;

/// <summary>
/// The real host (the <c>catalog</c> entry point, its configuration and HTTP pipeline) over a real store
/// (SQLite in a fresh temp folder, or with <see cref="CatalogApiFactory{TStore}"/> a fresh PostgreSQL database),
/// with a fixed catalog clock and an empty, migrated store. Use it as an <c>IClassFixture</c> (one host and
/// store per test class); subclass and override <see cref="Settings"/> for different configuration and
/// <see cref="SeedAsync"/> for the data every test of the class shares.
/// </summary>
public class CatalogApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The catalog's "now" (rails, review timestamps); token lifetimes use the real clock.</summary>
    public static readonly DateTimeOffset FixedNow = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private TestStoreDatabase? store;

    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "catalog-api-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The store provider the host runs on.</summary>
    public virtual StoreProvider Provider => StoreProvider.Sqlite;

    /// <summary>Configuration keys applied on top of appsettings.json, as if given on the command line.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// When true (the default), creating the host waits until the index has opened in the background and the
    /// warm-up searches have run, so tests start against a serving, ready API; false to observe the start itself.
    /// </summary>
    protected virtual bool WaitForIndexAtStart => true;

    /// <summary>The auth settings the server validates with, including the signing key it resolved.</summary>
    public AuthOptions Auth => Services.GetRequiredService<IOptions<AuthOptions>>().Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Catalog:DataDirectory", DataDirectory);
        builder.UseSetting("Catalog:Clock:Now", FixedNow.ToString("O"));
        builder.UseSetting(CatalogWebApp.SeedSampleKey, "false");
        // One log line per request would bury the test output; failures still log.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Test classes fire many requests from one (unknown) address: admission and search budgets are tested
        // with their own settings, so here they stay out of the way.
        builder.UseSetting("Catalog:GraphQL:MaxConcurrentExecutions", "256");
        builder.UseSetting("Catalog:GraphQL:QueueLength", "1024");
        builder.UseSetting("Catalog:RateLimits:SearchesPerMinute", "1000000");
        // Likewise the execution time limit: fifty concurrent writes queue behind the store's one write lock, and on
        // PostgreSQL each takes several round trips to another process on this busy machine.
        builder.UseSetting("Catalog:GraphQL:ExecutionTimeout", "00:01:00");
        if (Provider != StoreProvider.Sqlite)
        {
            var database = store ?? throw new InvalidOperationException(
                $"A {Provider} store is created in InitializeAsync: use the factory as a class fixture.");
            foreach (var (key, value) in database.Settings)
                builder.UseSetting(key, value);
        }

        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        store = await TestStoreDatabase.CreateAsync(Provider);
        await SeedAsync();
    }

    /// <summary>What the fixture writes (or does) once its store exists, before the class's tests run.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForIndexAtStart && host.Services.GetService<IndexStartup>() is { } startup)
            startup.Opened.WaitAsync(TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        // Readiness also waits for the start-up warm-up searches, which follow the opening at once.
        if (WaitForIndexAtStart && host.Services.GetService<SearchWarmUp>() is { } warmUp)
            warmUp.Completed.WaitAsync(TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A development token the server accepts, minted with the configured key.</summary>
    public string ViewerToken(string id = "viewer-1", string? name = "Viewer One") =>
        DevelopmentTokens.Create(Auth, id, name, AuthOptions.ViewerRole, TimeProvider.System.GetUtcNow());

    public string CuratorToken(string id = "curator-1", string? name = "Curator One") =>
        DevelopmentTokens.Create(Auth, id, name, AuthOptions.CuratorRole, TimeProvider.System.GetUtcNow());

    /// <summary>A client that sends <paramref name="token"/> as a bearer token (none when null).</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Imports the bundled sample catalog (data/catalog.json next to the binary).</summary>
    public async Task SeedSampleAsync()
    {
        var seeder = Services.GetRequiredService<SampleCatalogSeeder>();
        if (!File.Exists(seeder.SamplePath))
            throw new InvalidOperationException($"No sample catalog at {seeder.SamplePath}.");
        await seeder.SeedIfEmptyAsync(CancellationToken.None);
    }

    /// <summary>
    /// Saves titles through the store (so the change log records them like any edit), then brings the
    /// search index up to date, so searches see them at once.
    /// </summary>
    public async Task SeedTitlesAsync(params Title[] titles)
    {
        await using (var db = Services.GetRequiredService<ICatalogDbFactory>().Create())
        {
            db.Titles.AddRange(titles);
            await db.SaveChangesAsync();
        }

        await CatchUpIndexAsync();
    }

    /// <summary>
    /// Applies every change in the store's log to the search index now (what the background poll does
    /// within a second): call it after writes, e.g. mutations, before searching for their effect.
    /// </summary>
    public async Task CatchUpIndexAsync()
    {
        if (Services.GetService<CatalogIndex>() is { } index)
            await index.CatchUpAsync(CancellationToken.None);
    }

    /// <summary>A minimal valid movie, added a day before <see cref="FixedNow"/>.</summary>
    public static Title NewTitle(string id, string name, Action<Title>? configure = null)
    {
        var title = new Title { Id = id, Name = name, AddedAt = FixedNow.UtcDateTime.AddDays(-1) };
        configure?.Invoke(title);
        return title;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (store is not null)
            await store.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The host over the store <typeparamref name="TStore"/> names: the base of parameterised test fixtures.</summary>
public class CatalogApiFactory<TStore> : CatalogApiFactory
    where TStore : ITestStore
{
    public override StoreProvider Provider => TStore.Provider;
}
