using Catalog.Store.Import;
using Catalog.Store.Import.CatalogJson;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Import;

/// <summary>
/// An import into an empty SQLite store builds the secondary indexes of titles, trailers and the change log after
/// the rows (<see cref="DeferredIndexes"/>): the schema it leaves is the migrations' own, and a failure leaves it untouched.
/// </summary>
public sealed class DeferredIndexesTests
{
    private static readonly string[] Deferred = ["IX_ChangeLog_TitleId_Sequence", "IX_Titles_AddedAt", "IX_Titles_ImdbId", "IX_Trailers_TitleId"];

    /// <summary>Two batches of titles with trailers, IMDb ids and added dates: every deferred index has rows to hold.</summary>
    private static readonly string[] Titles = [.. Enumerable.Range(1, 2 * TitleImporter.BatchSize).Select(i =>
        $$"""{"id":"t{{i * 7919 % 1000:D4}}","name":"T {{i}}","imdbId":"tt{{i:D7}}","addedAt":"2025-{{1 + (i % 12):D2}}-01T00:00:00Z","trailers":[{"id":"tr{{i}}","url":"https://vimeo.com/{{i}}"}]}""")];

    [Fact]
    public async Task An_import_into_an_empty_store_leaves_the_migrations_schema_with_the_indexes_built_after_the_rows()
    {
        await using var store = await TempStore.CreateAsync();
        var before = await SchemaAsync(store);

        var summary = await ImportAsync(store, TitleImporterTests.Catalog(Titles));

        Assert.Equal(Titles.Length, summary.Inserted);
        var after = await SchemaAsync(store);
        Assert.Equal(before.Select(o => (o.Type, o.Name, o.Table, o.Sql)), after.Select(o => (o.Type, o.Name, o.Table, o.Sql)));
        // Built after the rows, each deferred index got a new root page; nothing else moved.
        Assert.Equal(Deferred, before.Zip(after).Where(p => p.First.RootPage != p.Second.RootPage).Select(p => p.First.Name));
        await AssertIndexesHoldTheRowsAsync(store);
    }

    [Fact]
    public async Task An_import_into_a_store_that_holds_titles_keeps_its_indexes()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, TitleImporterTests.Catalog("""{"id":"z","name":"Z"}"""));
        var before = await SchemaAsync(store);

        await ImportAsync(store, TitleImporterTests.Catalog(Titles));

        Assert.Equal(before, await SchemaAsync(store));
    }

    [Fact]
    public async Task A_failed_import_into_an_empty_store_leaves_its_indexes_and_no_rows()
    {
        await using var store = await TempStore.CreateAsync();
        var before = await SchemaAsync(store);
        var whole = TitleImporterTests.Catalog(Titles);

        // Truncated in the second batch: the first one was written with the indexes dropped.
        await Assert.ThrowsAsync<ImportException>(() => ImportAsync(store, whole[..(whole.Length * 3 / 4)]));

        Assert.Equal(before, await SchemaAsync(store));
        await using var db = store.Open();
        Assert.Equal((0, 0, 0), (await db.Titles.CountAsync(), await db.Trailers.CountAsync(), await db.ChangeLog.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_in_a_later_batch_brings_the_indexes_back_before_the_store_is_asked()
    {
        await using var store = await TempStore.CreateAsync();
        var before = await SchemaAsync(store);
        string[] duplicates = ["""{"id":"other","name":"Other","imdbId":"tt0000001"}""", Titles[1].Replace("\"T 2\"", "\"Changed\"", StringComparison.Ordinal)];

        var summary = await ImportAsync(store, TitleImporterTests.Catalog([.. Titles, .. duplicates]));

        Assert.Equal(
            ["duplicate of record 1 with different values", "duplicate of record 2 with different values"],
            summary.Rejected.Select(r => r.Reason));
        Assert.Equal(before.Select(o => o.Sql), (await SchemaAsync(store)).Select(o => o.Sql));
        await AssertIndexesHoldTheRowsAsync(store);
    }

    [Fact]
    public async Task The_connection_goes_back_to_the_pool_with_its_own_sorter_threads()
    {
        await using var store = await TempStore.CreateAsync();
        var threads = await ThreadsAsync(store);

        await ImportAsync(store, TitleImporterTests.Catalog(Titles[..10]));

        Assert.Equal(threads, await ThreadsAsync(store));
    }

    [Fact]
    public async Task A_rolled_back_drop_leaves_the_indexes_in_place()
    {
        await using var store = await TempStore.CreateAsync();
        var before = await SchemaAsync(store);
        await using (var db = store.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.NotNull(await DeferredIndexes.DropAsync(db, CancellationToken.None));
            Assert.DoesNotContain(await SchemaAsync(db), o => Deferred.Contains(o.Name));
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await SchemaAsync(store));
    }

    private static Task<ImportSummary> ImportAsync(TempStore store, string content)
    {
        var path = Path.Combine(store.Directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return new TitleImporter(store.Factory, [new CatalogJsonSource()], store.Clock).ImportAsync(path, new ImportOptions());
    }

    /// <summary>SQLite checks every index against its table's rows.</summary>
    private static async Task AssertIndexesHoldTheRowsAsync(TempStore store)
    {
        await using var db = store.Open();
        Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check()").ToListAsync());
        Assert.Equal(1, await db.Titles.CountAsync(t => t.ImdbId == "tt0000001"));
    }

    private static async Task<long> ThreadsAsync(TempStore store)
    {
        await using var db = store.Open();
        return await db.Database.SqlQueryRaw<long>("SELECT threads AS Value FROM pragma_threads()").SingleAsync();
    }

    private static async Task<List<SchemaObject>> SchemaAsync(TempStore store)
    {
        await using var db = store.Open();
        return await SchemaAsync(db);
    }

    private static Task<List<SchemaObject>> SchemaAsync(CatalogDbContext db) =>
        db.Database.SqlQueryRaw<SchemaObject>("SELECT type AS Type, name AS Name, tbl_name AS \"Table\", sql AS Sql, rootpage AS RootPage FROM sqlite_master ORDER BY name").ToListAsync();

    private sealed record SchemaObject(string Type, string Name, string Table, string? Sql, long RootPage);
}
