using Catalog.Store.Import;
using Catalog.Store.Import.CatalogJson;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Import;

/// <summary>Catalog:Store:ImportCacheMiB: an import's modified pages stay in memory until it commits.</summary>
public sealed class ImportPageCacheTests
{
    /// <summary>About 6 MB of modified pages, three times SQLite's default cache.</summary>
    private static readonly string[] Titles = [.. Enumerable.Range(1, 3 * TitleImporter.BatchSize)
        .Select(i => $$"""{"id":"t{{i}}","name":"T {{i}}","synopsis":"{{new string('s', 3000)}} {{i}}"}""")];

    [Theory]
    [InlineData(128, false)]
    [InlineData(0, true)]
    public async Task An_import_spills_pages_into_the_WAL_before_it_commits_only_without_the_cache(int cacheMiB, bool spills)
    {
        await using var store = await TempStore.CreateAsync();
        var path = Path.Combine(store.Directory, "big.json");
        await File.WriteAllTextAsync(path, TitleImporterTests.Catalog(Titles));
        var importer = new TitleImporter(store.Factory, [new CatalogJsonSource()], store.Clock, store: new StoreOptions { ImportCacheMiB = cacheMiB });
        var wal = new FileInfo(Path.Combine(store.Directory, "catalog.db-wal"));
        var walLengths = new WalLengths(wal);

        var summary = await importer.ImportAsync(path, new ImportOptions(), walLengths);

        Assert.Equal(Titles.Length, summary.Inserted);
        // The last report comes after the commit; the ones before it are taken between batches.
        var beforeCommit = walLengths.Lengths[..^1];
        Assert.Equal(spills, beforeCommit[^1] > beforeCommit[0]);
        await using var db = store.Open();
        Assert.Equal(Titles.Length, await db.Titles.CountAsync());
    }

    [Fact]
    public async Task The_connection_goes_back_to_the_pool_with_its_own_cache_size()
    {
        await using var store = await TempStore.CreateAsync();
        var defaultSize = await CacheSizeAsync(store);
        var path = Path.Combine(store.Directory, "small.json");
        await File.WriteAllTextAsync(path, TitleImporterTests.Catalog(Titles[..10]));
        var importer = new TitleImporter(store.Factory, [new CatalogJsonSource()], store.Clock, store: new StoreOptions { ImportCacheMiB = 64 });

        await importer.ImportAsync(path, new ImportOptions());

        Assert.Equal(defaultSize, await CacheSizeAsync(store));
    }

    private static async Task<long> CacheSizeAsync(TempStore store)
    {
        await using var db = store.Open();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reports run on the importer's writing path, between batches: the WAL's length at each.</summary>
    private sealed class WalLengths(FileInfo wal) : IProgress<ImportProgress>
    {
        public List<long> Lengths { get; } = [];

        public void Report(ImportProgress value)
        {
            wal.Refresh();
            Lengths.Add(wal.Exists ? wal.Length : 0);
        }
    }
}
