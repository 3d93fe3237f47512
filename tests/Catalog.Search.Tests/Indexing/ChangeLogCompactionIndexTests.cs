using Catalog.Core.Feed;
using Catalog.Search.Indexing;
using Catalog.Search.Tests.Fixtures;
using Catalog.Store;
using Catalog.Store.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Search.Tests.Indexing;

/// <summary>The index and a compacted change log: rebuild when left behind the watermark, catch up across it otherwise; lag and readiness.</summary>
public sealed class ChangeLogCompactionIndexTests
{
    private static readonly TimeSpan PastRetention = new StoreOptions().ChangeLogRetention + TimeSpan.FromHours(1);

    [SkippableTheory(Timeout = 60_000)]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task An_index_left_behind_the_compaction_watermark_is_rebuilt_at_start_and_equals_the_store(StoreProvider provider)
    {
        await using var sandbox = await SearchSandbox.CreateAsync(provider: provider);
        string generation;
        long applied;
        await using (var first = sandbox.Start())
        {
            await first.Index.OpenAsync(CancellationToken.None);
            (generation, applied) = (first.Index.Generation!, first.Index.AppliedSequence);
        }

        // While no replica runs: two edits of one title (the first is superseded and lies past the index), then compaction.
        await using (var offline = sandbox.Start())
        {
            await offline.RenameAsync("robots-2005", "Robots Again");
            await offline.RenameAsync("robots-2005", "Robots Reloaded");
            sandbox.Clock.Advance(PastRetention);
            Assert.True(await Compactor(offline).CompactAsync(CancellationToken.None) > 0);
            Assert.True(await offline.Services.GetRequiredService<ITitleFeed>().CompactedThroughAsync(CancellationToken.None) > applied);
        }

        await using var second = sandbox.Start(options: Committing);
        await second.Index.OpenAsync(CancellationToken.None);

        Assert.NotEqual(generation, second.Index.Generation);
        Assert.Equal(["robots-2005"], second.FindByName("robots reloaded"));
        await VerifyAsync(sandbox, second);
    }

    [SkippableTheory(Timeout = 60_000)]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task An_index_ahead_of_the_watermark_resumes_and_a_running_index_catches_up_across_a_compaction(StoreProvider provider)
    {
        await using var sandbox = await SearchSandbox.CreateAsync(provider: provider);
        string generation;
        await using (var first = sandbox.Start())
        {
            await first.Index.OpenAsync(CancellationToken.None);
            generation = first.Index.Generation!;
        }

        await using (var offline = sandbox.Start())
        {
            foreach (var title in FixtureTitles.All)
                await offline.RenameAsync(title.Id, title.Name + " I");
            sandbox.Clock.Advance(PastRetention);
            // Deletes only the creations, which the index has applied.
            Assert.True(await Compactor(offline).CompactAsync(CancellationToken.None) > 0);
        }

        await using var second = sandbox.Start(options: Committing);
        await second.Index.OpenAsync(CancellationToken.None);
        Assert.Equal(generation, second.Index.Generation);

        foreach (var title in FixtureTitles.All.Take(3))
        {
            await second.RenameAsync(title.Id, title.Name + " II");
            await second.RenameAsync(title.Id, title.Name + " III");
        }

        sandbox.Clock.Advance(PastRetention);
        // Under the running index, which has applied none of them: the "I" and "II" entries of those titles go.
        Assert.Equal(6, await Compactor(second).CompactAsync(CancellationToken.None));
        Assert.True(await second.Services.GetRequiredService<ITitleFeed>().CompactedThroughAsync(CancellationToken.None) > second.Index.AppliedSequence);
        await second.Index.CatchUpAsync(CancellationToken.None);

        Assert.Equal(generation, second.Index.Generation);
        await VerifyAsync(sandbox, second);
    }

    [SkippableTheory(Timeout = 60_000)]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Lag_is_measured_against_the_store_and_ready_holds_within_ReadyMaxLag(StoreProvider provider)
    {
        await using var sandbox = await SearchSandbox.CreateAsync(provider: provider);
        await using var replica = sandbox.Start(options: new SearchOptions { ReadyMaxLag = TimeSpan.FromSeconds(30) });
        await replica.Index.OpenAsync(CancellationToken.None);
        await using var other = sandbox.Start();
        await other.RenameAsync("robots-2005", "Robots Reloaded");
        await other.RenameAsync("wall-e-2008", "WALL-E Again");

        await replica.Index.MeasureLagAsync(CancellationToken.None);
        Assert.Equal(2, replica.Index.Lag);
        Assert.Equal(TimeSpan.Zero, replica.Index.LagTime);
        Assert.True(replica.Index.IsReady, "behind, but by less than ReadyMaxLag");

        sandbox.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(TimeSpan.FromSeconds(31), replica.Index.LagTime);
        Assert.False(replica.Index.IsReady, "the oldest unapplied change is older than ReadyMaxLag");

        await replica.Index.CatchUpAsync(CancellationToken.None);
        Assert.Equal(0, replica.Index.Lag);
        Assert.Equal(TimeSpan.Zero, replica.Index.LagTime);
        Assert.True(replica.Index.IsReady);
    }

    /// <summary>Commits at every catch-up, so <see cref="IndexVerifier"/> (which reads the last commit) sees every applied change.</summary>
    private static SearchOptions Committing => new() { CommitInterval = TimeSpan.Zero };

    private static ChangeLogCompactor Compactor(SearchProcess process) => process.Services.GetRequiredService<ChangeLogCompactor>();

    private static async Task VerifyAsync(SearchSandbox sandbox, SearchProcess process)
    {
        var verification = await IndexVerifier.VerifyAsync(sandbox.Layout, process.Services.GetRequiredService<ITitleFeed>(), CancellationToken.None);
        Assert.True(verification.Matches, string.Join("; ", verification.Differences));
    }
}
