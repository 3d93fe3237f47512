using Catalog.Search.Indexing;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Indexing;

/// <summary>How soon a committed edit is searchable, and what a commit of the index is still needed for.</summary>
public sealed class EditVisibilityTests : IAsyncLifetime
{
    private SearchSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SearchSandbox.CreateAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task A_write_in_this_process_is_searchable_without_waiting_for_the_next_poll()
    {
        await using var process = sandbox.Start(options: new SearchOptions { PollInterval = TimeSpan.FromHours(1) });
        await process.StartHostedAsync();

        await process.RenameAsync("robots-2005", "Robots Reloaded");

        await Eventually.HoldsAsync(() => process.FindByName("robots reloaded").Count == 1, "the renamed title is found long before the hourly poll");
    }

    [Fact(Timeout = 60_000)]
    public async Task Applied_changes_are_searchable_before_their_commit_and_committed_at_shutdown()
    {
        long latest;
        await using (var process = sandbox.Start(options: new SearchOptions { PollInterval = TimeSpan.FromHours(1), CommitInterval = TimeSpan.FromHours(1) }))
        {
            await process.Index.OpenAsync(CancellationToken.None);
            var committed = IndexStatistics.Read(sandbox.Layout)!.Sequence;

            await process.RenameAsync("robots-2005", "Robots Reloaded");
            await process.Index.CatchUpAsync(CancellationToken.None);
            latest = await process.LatestChangeAsync();

            Assert.Equal(["robots-2005"], process.FindByName("robots reloaded"));
            Assert.Equal(latest, process.Index.AppliedSequence);
            Assert.Equal(committed, IndexStatistics.Read(sandbox.Layout)!.Sequence);
        }

        Assert.Equal(latest, IndexStatistics.Read(sandbox.Layout)!.Sequence);
    }

    [Fact(Timeout = 60_000)]
    public async Task Published_changes_are_committed_once_the_commit_interval_has_passed()
    {
        await using var process = sandbox.Start(options: new SearchOptions { PollInterval = TimeSpan.FromHours(1), CommitInterval = TimeSpan.Zero });
        await process.Index.OpenAsync(CancellationToken.None);

        await process.RenameAsync("robots-2005", "Robots Reloaded");
        await process.Index.CatchUpAsync(CancellationToken.None);

        Assert.Equal(await process.LatestChangeAsync(), IndexStatistics.Read(sandbox.Layout)!.Sequence);
    }
}
