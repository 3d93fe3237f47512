using Catalog.Core.Search;
using Catalog.Search.Indexing;
using Catalog.Search.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Search.Tests.Indexing;

/// <summary>Full rebuilds while the old generation serves: atomic swap, no lost edits, crash safety, jobs.</summary>
public sealed class RebuildTests : IAsyncLifetime
{
    private SearchSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SearchSandbox.CreateAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task Searches_during_rebuilds_never_fail_and_always_see_the_full_index()
    {
        await using var process = sandbox.Start();
        await process.Index.OpenAsync(CancellationToken.None);
        var expected = FixtureTitles.All.Count;
        var counts = new List<int>();
        using var stop = new CancellationTokenSource();

        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                counts.Add(process.CountAll());
        });
        var generations = new HashSet<string>();
        for (var i = 0; i < 5; i++)
            generations.Add((await process.Index.RebuildAsync(null, CancellationToken.None)).Generation);
        await stop.CancelAsync();
        await reader;

        Assert.Equal(5, generations.Count);
        Assert.NotEmpty(counts);
        Assert.All(counts, count => Assert.Equal(expected, count));
        Assert.Single(Directory.EnumerateDirectories(sandbox.Layout.Root));
    }

    [Fact(Timeout = 60_000)]
    public async Task Edits_made_during_a_rebuild_are_in_the_new_generation()
    {
        SearchProcess? process = null;
        var armed = false;
        process = sandbox.Start(feed => new HookedFeed(feed, async read =>
        {
            if (!armed || read != 3)
                return;
            await process!.RenameAsync("the-terminator-1984", "The Terminator Remastered");
        }));
        await using (process)
        {
            await process.Index.OpenAsync(CancellationToken.None);
            var before = await process.LatestChangeAsync();
            armed = true;

            await process.Index.RebuildAsync(null, CancellationToken.None);

            Assert.Equal(["the-terminator-1984"], process.FindByName("remastered"));
            Assert.True(process.Index.AppliedSequence > before);
            Assert.Equal(await process.LatestChangeAsync(), process.Index.AppliedSequence);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_build_failing_midway_leaves_the_old_generation_serving_and_removes_the_half_built_one()
    {
        var fail = false;
        await using var process = sandbox.Start(feed => new HookedFeed(feed, read =>
            fail && read == 5 ? throw new IOException("store went away") : Task.CompletedTask));
        await process.Index.OpenAsync(CancellationToken.None);
        var serving = process.Index.Generation;
        fail = true;

        await Assert.ThrowsAsync<IOException>(() => process.Index.RebuildAsync(null, CancellationToken.None));

        Assert.Equal(serving, process.Index.Generation);
        Assert.Equal(serving, sandbox.Layout.ReadPointer());
        Assert.Equal(FixtureTitles.All.Count, process.CountAll());
        Assert.Equal([serving], Directory.EnumerateDirectories(sandbox.Layout.Root).Select(Path.GetFileName));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_process_killed_mid_build_leaves_a_half_built_generation_that_the_next_start_removes()
    {
        string serving;
        await using (var first = sandbox.Start())
        {
            await first.Index.OpenAsync(CancellationToken.None);
            serving = first.Index.Generation!;
        }

        // What a kill -9 mid-build leaves: a generation folder with uncommitted segment files and no pointer to it.
        var orphan = sandbox.Layout.NewGeneration();
        Directory.CreateDirectory(sandbox.Layout.PathOf(orphan));
        await File.WriteAllTextAsync(Path.Combine(sandbox.Layout.PathOf(orphan), "_0.fdt"), "partial");
        await File.WriteAllTextAsync(Path.Combine(sandbox.Layout.Root, "current.0123.tmp"), orphan);

        await using var second = sandbox.Start();
        await second.Index.OpenAsync(CancellationToken.None);

        Assert.Equal(serving, second.Index.Generation);
        Assert.Equal(FixtureTitles.All.Count, second.CountAll());
        Assert.False(Directory.Exists(sandbox.Layout.PathOf(orphan)));
        Assert.Equal(["current"], Directory.EnumerateFiles(sandbox.Layout.Root).Select(Path.GetFileName));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_recently_written_unreferenced_generation_survives_a_start_as_it_may_be_another_process_building()
    {
        await using (var first = sandbox.Start())
            await first.Index.OpenAsync(CancellationToken.None);
        var building = sandbox.Layout.NewGeneration();
        Directory.CreateDirectory(sandbox.Layout.PathOf(building));
        await File.WriteAllTextAsync(Path.Combine(sandbox.Layout.PathOf(building), "_0.fdt"), "in progress");

        await using var second = sandbox.Start(options: new SearchOptions());
        await second.Index.OpenAsync(CancellationToken.None);

        Assert.True(Directory.Exists(sandbox.Layout.PathOf(building)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_rebuild_by_another_process_is_picked_up_by_the_serving_one()
    {
        await using var server = sandbox.Start();
        await server.Index.OpenAsync(CancellationToken.None);
        var old = server.Index.Generation!;

        await using (var cli = sandbox.Start())
        {
            var result = await cli.Index.RebuildAsync(null, CancellationToken.None);
            Assert.True(Directory.Exists(sandbox.Layout.PathOf(old)), "the serving generation is locked, so it survives");
            Assert.Equal(result.Generation, sandbox.Layout.ReadPointer());
        }

        await server.Index.CatchUpAsync(CancellationToken.None);

        Assert.Equal(sandbox.Layout.ReadPointer(), server.Index.Generation);
        Assert.Equal(FixtureTitles.All.Count, server.CountAll());
        Assert.False(Directory.Exists(sandbox.Layout.PathOf(old)));
    }

    [Fact(Timeout = 60_000)]
    public async Task Reindex_jobs_run_one_at_a_time_and_report_progress()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var armed = false;
        await using var process = sandbox.Start(feed => new HookedFeed(feed, read => armed && read == 2 ? gate.Task : Task.CompletedTask));
        await process.Index.OpenAsync(CancellationToken.None);
        armed = true;
        var jobs = process.Services.GetRequiredService<ReindexJobs>();

        var first = jobs.Start();
        var second = jobs.Start();
        Assert.Equal(first.Id, second.Id);
        await Eventually.HoldsAsync(() => jobs.Find(first.Id)!.State == ReindexState.Running, "job runs");
        gate.SetResult();
        await jobs.WhenFinishedAsync(first.Id);

        var done = jobs.Find(first.Id)!;
        Assert.Equal(ReindexState.Succeeded, done.State);
        Assert.Equal(FixtureTitles.All.Count, done.Processed);
        Assert.Equal(done.Processed, done.Total);
        Assert.Equal(1, done.Progress);
        Assert.NotNull(done.FinishedAt);
        Assert.NotEqual(first.Id, jobs.Start().Id);
        Assert.Null(jobs.Find("no-such-job"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_job_reports_the_error_and_the_old_index_keeps_serving()
    {
        var fail = false;
        await using var process = sandbox.Start(feed => new HookedFeed(feed, read =>
            fail ? throw new InvalidOperationException("boom") : Task.CompletedTask));
        await process.Index.OpenAsync(CancellationToken.None);
        var jobs = process.Services.GetRequiredService<IReindexJobs>();
        fail = true;

        var job = jobs.Start();
        await process.Services.GetRequiredService<ReindexJobs>().WhenFinishedAsync(job.Id);

        var done = jobs.Find(job.Id)!;
        Assert.Equal(ReindexState.Failed, done.State);
        Assert.Equal("boom", done.Error);
        Assert.Equal(FixtureTitles.All.Count, process.CountAll());
    }
}
