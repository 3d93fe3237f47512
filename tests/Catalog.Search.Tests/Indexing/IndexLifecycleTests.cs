using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Tests.Fixtures;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Search.Tests.Indexing;

/// <summary>Build, catch-up, restart and recovery of the live index over a real SQLite store and real folders.</summary>
public sealed class IndexLifecycleTests : IAsyncLifetime
{
    private SearchSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SearchSandbox.CreateAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task First_start_builds_the_index_from_the_store()
    {
        await using var process = sandbox.Start();
        await process.Index.OpenAsync(CancellationToken.None);

        Assert.Equal(FixtureTitles.All.Count, process.CountAll());
        Assert.True(process.Index.IsReady);
        Assert.Equal(await process.LatestChangeAsync(), process.Index.AppliedSequence);
        Assert.Equal(0, process.Index.Lag);
        Assert.Equal(process.Index.Generation, sandbox.Layout.ReadPointer());
    }

    [Fact(Timeout = 60_000)]
    public async Task Edits_through_the_store_become_searchable_through_the_catch_up_loop()
    {
        await using var process = sandbox.Start();
        await process.StartHostedAsync();
        Assert.Equal(["mr-bean-1990"], process.FindByName("bean"));

        await using (var db = process.Store.Create())
        {
            var title = await db.Titles.SingleAsync(t => t.Id == "mr-bean-1990");
            title.Name = "Mister Bean Returns";
            db.Titles.Remove(await db.Titles.SingleAsync(t => t.Id == "wall-e-2008"));
            await db.SaveChangesAsync();
        }

        await Eventually.HoldsAsync(() => process.FindByName("mister bean returns").Count == 1, "renamed title is found");
        await Eventually.HoldsAsync(() => process.FindByName("walle").Count == 0, "deleted title is gone");
        Assert.Equal(FixtureTitles.All.Count - 1, process.CountAll());
        Assert.Equal(await process.LatestChangeAsync(), process.Index.AppliedSequence);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_index_is_not_ready_while_catching_up_fails_and_ready_again_after()
    {
        var storeDown = false;
        await using var process = sandbox.Start(feed => new HookedFeed(feed, _ => Task.CompletedTask,
            () => storeDown ? throw new IOException("store unreachable") : Task.CompletedTask));
        await process.Index.OpenAsync(CancellationToken.None);
        Assert.True(process.Index.IsReady);

        storeDown = true;
        await Assert.ThrowsAsync<IOException>(() => process.Index.CatchUpAsync(CancellationToken.None));
        Assert.False(process.Index.IsReady);
        Assert.Equal(FixtureTitles.All.Count, process.CountAll());

        storeDown = false;
        await process.Index.CatchUpAsync(CancellationToken.None);
        Assert.True(process.Index.IsReady);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_restart_resumes_from_the_committed_sequence_without_rebuilding()
    {
        string generation;
        await using (var first = sandbox.Start())
        {
            await first.Index.OpenAsync(CancellationToken.None);
            generation = first.Index.Generation!;
        }

        await using var second = sandbox.Start();
        await second.RenameAsync("robots-2005", "Robots Reloaded");

        await second.Index.OpenAsync(CancellationToken.None);

        Assert.Equal(generation, second.Index.Generation);
        Assert.Equal(["robots-2005"], second.FindByName("robots reloaded"));
        Assert.Equal(await second.LatestChangeAsync(), second.Index.AppliedSequence);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_corrupt_index_is_rebuilt_from_the_store_at_start()
    {
        string generation;
        await using (var first = sandbox.Start())
        {
            await first.Index.OpenAsync(CancellationToken.None);
            generation = first.Index.Generation!;
        }

        foreach (var file in Directory.EnumerateFiles(sandbox.Layout.PathOf(generation)))
            await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);

        await using var second = sandbox.Start();
        await second.Index.OpenAsync(CancellationToken.None);

        Assert.NotEqual(generation, second.Index.Generation);
        Assert.Equal(FixtureTitles.All.Count, second.CountAll());
        Assert.False(Directory.Exists(sandbox.Layout.PathOf(generation)));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("999")]
    public async Task An_index_of_another_schema_version_is_rebuilt_at_start_and_the_current_one_is_kept(string? schema)
    {
        string generation;
        await using (var first = sandbox.Start())
        {
            await first.Index.OpenAsync(CancellationToken.None);
            generation = first.Index.Generation!;
        }

        // What an older (no version recorded, or 1) or a newer build leaves: the same commit, another schema version.
        using (var analyzers = new CatalogAnalyzers())
        using (var directory = new MappedFileDirectory(sandbox.Layout.PathOf(generation)))
        using (var writer = new IndexWriter(directory, IndexWriterSettings.Create(analyzers, OpenMode.APPEND)))
        {
            var data = new Dictionary<string, string>(writer.CommitData);
            if (schema is null)
                data.Remove(IndexGeneration.SchemaKey);
            else
                data[IndexGeneration.SchemaKey] = schema;
            writer.SetCommitData(data);
            writer.Commit();
        }

        string rebuilt;
        await using (var second = sandbox.Start())
        {
            await second.Index.OpenAsync(CancellationToken.None);
            rebuilt = second.Index.Generation!;
            Assert.NotEqual(generation, rebuilt);
            Assert.Equal(FixtureTitles.All.Count, second.CountAll());
            Assert.False(Directory.Exists(sandbox.Layout.PathOf(generation)));
        }

        await using var third = sandbox.Start();
        await third.Index.OpenAsync(CancellationToken.None);
        Assert.Equal(rebuilt, third.Index.Generation);
    }

    [Theory]
    [InlineData("missing pointer")]
    [InlineData("pointer to nothing")]
    [InlineData("garbage pointer")]
    public async Task A_missing_index_is_rebuilt_from_the_store_at_start(string damage)
    {
        await using (var first = sandbox.Start())
            await first.Index.OpenAsync(CancellationToken.None);
        var pointer = Path.Combine(sandbox.Layout.Root, "current");
        switch (damage)
        {
            case "missing pointer": File.Delete(pointer); break;
            case "pointer to nothing": await File.WriteAllTextAsync(pointer, "g20990101000000000-deadbeef"); break;
            default: await File.WriteAllTextAsync(pointer, "../../etc\0\n"); break;
        }

        await using var second = sandbox.Start();
        await second.Index.OpenAsync(CancellationToken.None);

        Assert.Equal(FixtureTitles.All.Count, second.CountAll());
        Assert.Equal(second.Index.Generation, sandbox.Layout.ReadPointer());
        Assert.Single(Directory.EnumerateDirectories(sandbox.Layout.Root));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_store_replaced_under_the_index_triggers_a_rebuild()
    {
        await using (var first = sandbox.Start())
        {
            await first.Index.OpenAsync(CancellationToken.None);
            await using var db = first.Store.Create();
            await db.ChangeLog.ExecuteDeleteAsync();
        }

        await using var second = sandbox.Start();
        await second.Index.OpenAsync(CancellationToken.None);

        Assert.Equal(0, second.Index.AppliedSequence);
        Assert.Equal(FixtureTitles.All.Count, second.CountAll());
    }
}
