using System.Security.Cryptography;
using System.Text;
using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Reporting;
using Catalog.Benchmarks.Systems;
using Catalog.Core;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Search;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Store;
using Catalog.Store.Import;
using Catalog.Store.Import.CatalogJson;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Benchmarks.Measurements;

/// <summary>
/// Catalog in process, wired as the app wires it (AddCatalogStore + AddCatalogImport + AddStoreTitleFeed + AddCatalogSearch): store import,
/// index build (from memory and from the store), search over ITitleSearch, edit-to-visible latency.
/// </summary>
internal sealed class CatalogSuite(BenchOptions options, IReadOnlyList<Title> titles, TextWriter output) : IAsyncDisposable
{
    private ServiceProvider? services;
    private List<IHostedService> hosted = [];

    public List<BuildMeasurement> Builds { get; } = [];

    public MarkdownTable Memory { get; } = new("Catalog resident memory (this process; the generated titles themselves are held too)", "when", "resident");

    public string DataDirectory => Path.Combine(options.Work, "catalog-data");

    /// <summary>Imports into the store and builds the index; null when the engine has no ITitleSearch registered yet.</summary>
    public async Task<ITitleSearch?> StartAsync(CancellationToken cancellationToken)
    {
        var reused = options.ReuseData && ReusableData();
        if (!reused && Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
        services = Services(DataDirectory, options.ThreadsPerSearch);
        if (reused)
        {
            output.WriteLine($"- Catalog store and index: reused from {DataDirectory} (--reuse-data), so no import or build is measured in this run.");
        }
        else
        {
            await ImportAsync(services, cancellationToken);
            if (options.MemoryBuild)
                await BuildFromMemoryAsync(services.GetRequiredService<CatalogAnalyzers>(), cancellationToken);
        }

        Memory.Row("after store import (and in-memory build)", MarkdownTable.Mb(ProcessMemory.ResidentBytes()));

        var clock = new PhaseTimer();
        hosted = [.. services.GetServices<IHostedService>()];
        foreach (var service in hosted)
            await service.StartAsync(cancellationToken);
        await services.GetRequiredService<IndexStartup>().Opened.WaitAsync(cancellationToken);
        var index = services.GetRequiredService<CatalogIndex>();
        if (!reused)
        {
            Builds.Add(new BuildMeasurement("Catalog index, built from the SQLite store (startup)", index.DocumentCount, clock.Elapsed, clock.Cpu, index.SizeBytes));
            await File.WriteAllTextAsync(DataMarker, DataIdentity, cancellationToken);
        }

        GC.Collect();
        Memory.Row("serving (index open, store built)", MarkdownTable.Mb(ProcessMemory.ResidentBytes()));
        var search = services.GetService<ITitleSearch>();
        if (search is null)
            output.WriteLine("- Catalog search: skipped, no ITitleSearch is registered by AddCatalogSearch yet.");
        return search;
    }

    /// <summary>Written once a run has built the data folder, so a later --reuse-data run knows what it holds.</summary>
    private string DataMarker => Path.Combine(DataDirectory, "benchmark-data.txt");

    /// <summary>
    /// What the generated titles are: size, seed and, through their ids, the vocabulary they were drawn from
    /// (a run started outside the repository falls back to another vocabulary and generates other titles).
    /// </summary>
    private string DataIdentity => IdentityOf(options, titles);

    private string Fingerprint => FingerprintOf(options, titles);

    public static string FingerprintOf(BenchOptions options, IReadOnlyList<Title> titles) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(IdentityOf(options, titles))))[..8].ToLowerInvariant();

    private static string IdentityOf(BenchOptions options, IReadOnlyList<Title> titles) =>
        $"titles={options.Titles} seed={options.Seed} ids={titles[0].Id}..{titles[^1].Id}";

    private bool ReusableData()
    {
        if (File.Exists(DataMarker) && File.ReadAllText(DataMarker) == DataIdentity)
            return true;
        output.WriteLine($"- --reuse-data: {DataDirectory} holds no data of an earlier run with {DataIdentity}; importing and building.");
        return false;
    }

    /// <summary>A search over the same index that counts every facet value exactly, however many titles match.</summary>
    public ITitleSearch ExactCounting() => new Catalog.Search.Querying.TitleSearch(
        services!.GetRequiredService<ISearcherSource>(), services!.GetRequiredService<CatalogAnalyzers>(), services!.GetRequiredService<IOptions<CatalogOptions>>(),
        new SearchOptions { ExactCountLimit = int.MaxValue }, services!.GetRequiredService<TimeProvider>());

    public async Task<EditLatency> MeasureEditsAsync(ITitleSearch search, CancellationToken cancellationToken) =>
        await EditLatency.MeasureAsync(services!.GetRequiredService<ICatalogDbFactory>(), search, titles, options.Edits, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(hosted))
            await service.StopAsync(CancellationToken.None);
        if (services is not null)
            await services.DisposeAsync();
    }

    private static ServiceProvider Services(string dataDirectory, int threadsPerSearch)
    {
        var catalog = new CatalogOptions { DataDirectory = dataDirectory };
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(Options.Create(catalog));
        collection.AddSingleton<TimeProvider>(new FixedTimeProvider(BenchmarkRun.SearchNow));
        var search = new SearchOptions { ThreadsPerSearch = threadsPerSearch };
        collection.AddCatalogStore(catalog, new StoreOptions());
        collection.AddCatalogImport();
        collection.AddStoreTitleFeed(search.BuildPageSize);
        collection.AddCatalogSearch(search);
        return collection.BuildServiceProvider();
    }

    /// <summary>
    /// The store import path a curator uses (<c>catalog import</c>): the generated titles written once as a
    /// catalog-json file (not timed), then read, validated and written by <see cref="TitleImporter"/> in one
    /// transaction, change log included.
    /// </summary>
    private async Task ImportAsync(ServiceProvider provider, CancellationToken cancellationToken)
    {
        var store = Path.Combine(DataDirectory, "catalog.db");
        var snapshot = Path.Combine(options.Work, $"store-{options.Titles}-{options.Seed}-{Fingerprint}.db");
        if (options.ReuseStore && File.Exists(snapshot))
        {
            Directory.CreateDirectory(DataDirectory);
            File.Copy(snapshot, store);
            await provider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
            output.WriteLine($"- Catalog store: copied from {snapshot} (--reuse-store), so its import is not measured in this run.");
            return;
        }

        await provider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var input = Path.Combine(options.Work, $"titles-{options.Titles}-{options.Seed}-{Fingerprint}.catalog.json");
        if (!File.Exists(input))
            await WriteCatalogJsonAsync(input, cancellationToken);
        var clock = new PhaseTimer();
        var summary = await provider.GetRequiredService<TitleImporter>().ImportAsync(input, new ImportOptions("catalog-json"), cancellationToken: cancellationToken);
        Builds.Add(new BuildMeasurement("Catalog store import (`catalog import`, catalog-json, change log)", summary.Inserted, clock.Elapsed, clock.Cpu, new FileInfo(store).Length));
        if (summary.Inserted != titles.Count)
            output.WriteLine($"- PROBLEM: the import inserted {summary.Inserted} of {titles.Count} titles ({summary.Rejected.Count} rejected; first: {(summary.Rejected.Count > 0 ? summary.Rejected[0].Reason : "none")}).");
        if (options.ReuseStore)
            await SnapshotAsync(provider.GetRequiredService<ICatalogDbFactory>(), store, snapshot, cancellationToken);
    }

    private async Task WriteCatalogJsonAsync(string path, CancellationToken cancellationToken)
    {
        await using (var file = File.Create(path + ".partial"))
            await CatalogJsonWriter.WriteAsync(file, titles.ToAsyncEnumerable(), cancellationToken: cancellationToken);
        File.Move(path + ".partial", path, overwrite: true);
    }

    /// <summary>Copies the imported store before any edit touches it; the WAL is folded in first so one file holds everything.</summary>
    private static async Task SnapshotAsync(ICatalogDbFactory factory, string store, string snapshot, CancellationToken cancellationToken)
    {
        await using (var db = factory.Create())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        File.Copy(store, snapshot + ".partial", overwrite: true);
        File.Move(snapshot + ".partial", snapshot, overwrite: true);
    }

    /// <summary>The index builder alone: the generated list fed straight into a fresh CatalogIndex.</summary>
    private async Task BuildFromMemoryAsync(CatalogAnalyzers analyzers, CancellationToken cancellationToken)
    {
        var layout = new IndexLayout(Path.Combine(options.Work, "index-from-memory"));
        if (Directory.Exists(layout.Root))
            Directory.Delete(layout.Root, recursive: true);
        var clock = new PhaseTimer();
        using (var index = new CatalogIndex(layout, analyzers, new ListTitleFeed(titles), new SearchOptions(), TimeProvider.System, NullLogger<CatalogIndex>.Instance))
        {
            await index.OpenAsync(cancellationToken);
            Builds.Add(new BuildMeasurement("Catalog index, built from the in-memory list", index.DocumentCount, clock.Elapsed, clock.Cpu, index.SizeBytes));
        }

        Directory.Delete(layout.Root, recursive: true);
    }
}
