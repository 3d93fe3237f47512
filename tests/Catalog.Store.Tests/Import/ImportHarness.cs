using Catalog.Core.Titles;
using Catalog.Store.Import;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Store.Tests.Import;

/// <summary>A temp store plus the importer as the production registration wires it (every source, in order).</summary>
public sealed class ImportHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ImportHarness(TempStore store, ServiceProvider services)
    {
        Store = store;
        _services = services;
    }

    public TempStore Store { get; }

    public TitleImporter Importer => _services.GetRequiredService<TitleImporter>();

    public static Task<ImportHarness> CreateAsync(StoreProvider provider) => CreateAsync(null, provider);

    public static async Task<ImportHarness> CreateAsync(DateTimeOffset? now = null, StoreProvider provider = StoreProvider.Sqlite)
    {
        var store = await TempStore.CreateAsync(now, provider);
        var services = new ServiceCollection()
            .AddSingleton(store.Factory)
            .AddSingleton<TimeProvider>(store.Clock)
            .AddCatalogImport()
            .BuildServiceProvider();
        return new ImportHarness(store, services);
    }

    /// <summary>Writes <paramref name="content"/> to a file in the store's temp folder and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(Store.Directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public Task<ImportSummary> ImportAsync(string path, string format = "auto", bool dryRun = false, IProgress<ImportProgress>? progress = null) =>
        Importer.ImportAsync(path, new ImportOptions(format, dryRun), progress);

    public async Task<List<Title>> TitlesAsync()
    {
        await using var db = Store.Open();
        return await db.Titles.AsNoTracking().Include(t => t.Trailers).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<Title?> TitleAsync(string id) => (await TitlesAsync()).SingleOrDefault(t => t.Id == id);

    /// <summary>The last change-log sequence (0 when empty): unchanged means nothing was written.</summary>
    public async Task<long> LastSequenceAsync()
    {
        await using var db = Store.Open();
        return await db.ChangeLog.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }
}
