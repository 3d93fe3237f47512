using Catalog.Api.Auth;
using Catalog.Api.Tests.Crash;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Replicas;

/// <summary>
/// Replicas that were not there for part of the write history: one killed with SIGKILL while tailing a
/// write stream, one started while another process imports 20,000 titles. Each ends with exactly the
/// store's titles, ratings and tags (<c>catalog verify</c>).
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class ReplicaRecoveryTests
{
    private const int SeedTitles = 90;

    [SkippableFact(Timeout = 300_000)]
    public async Task A_replica_killed_while_tailing_a_write_stream_catches_up_after_a_restart_with_nothing_missing_or_doubled()
    {
        await using var cluster = await ReplicaCluster.CreateAsync();
        await cluster.ImportAsync(cluster.WriteCatalog("seed", SeedTitles));
        var replicas = await cluster.StartAsync("a", "b");
        var (writer, tailing) = (replicas[0], replicas[1]);
        var curator = cluster.Token("curator-1", AuthOptions.CuratorRole);

        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var stream = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var title = $"seed-{n % SeedTitles}";
                await writer.ExecuteAsync(Mutations.Review, new { i = new { titleId = title, rating = 1 + (n % 10), body = "Streamed." } }, cluster.Token($"stream-{n}"));
                if (n % 4 == 0)
                    await writer.ExecuteAsync(Mutations.Upsert, new { i = new { id = title, tags = new[] { $"streamed {n}" } } }, curator);
                Interlocked.Increment(ref acknowledged);
            }
        });
        async Task AfterMoreWritesAsync(int more)
        {
            var target = Volatile.Read(ref acknowledged) + more;
            await CrashSandbox.WaitForAsync(() => stream.IsCompleted || Volatile.Read(ref acknowledged) >= target, $"{more} more acknowledged writes");
            Assert.False(stream.IsFaulted, stream.Exception?.ToString());
        }

        await AfterMoreWritesAsync(20);
        tailing.Kill();
        await AfterMoreWritesAsync(20);
        await tailing.StartAsync();
        await AfterMoreWritesAsync(20);
        await stop.CancelAsync();
        await stream;

        // One last edit marks the end of the stream; once a replica's search shows it, it applied everything before.
        var end = Words.Unique();
        await writer.ExecuteAsync(Mutations.Upsert, new { i = new { id = "seed-0", tags = new[] { end } } }, curator);
        foreach (var replica in replicas)
        {
            await CrashSandbox.WaitForAsync(async () => (await replica.SearchIdsAsync(filter: new { tags = new[] { end } })).Contains("seed-0"),
                $"replica {replica.Name} to apply the end of the stream", ReplicaCluster.Patience, () => replica.Process!.Output);
        }

        Assert.Equal(acknowledged, await cluster.CountAsync("""SELECT COUNT(*) FROM "Reviews" WHERE "AuthorId" LIKE 'stream-%'"""));
        await ReplicationTests.StopAndVerifyAsync(cluster, replicas);
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task A_replica_started_while_another_process_imports_100000_titles_ends_with_exactly_the_stores_titles()
    {
        await using var cluster = await ReplicaCluster.CreateAsync();
        await cluster.ImportAsync(cluster.WriteCatalog("seed", SeedTitles));
        var serving = (await cluster.StartAsync("a"))[0];
        // Large enough to outlast the late replica's start and first build (20,000 did before imports bypassed the change tracker;
        // 60,000 no longer did once replicas promote code to tier 1 from the start, which costs a start more JIT work).
        const int Imported = 100_000;
        var import = cluster.StartImport(cluster.WriteCatalog("large", Imported));

        // The import is one transaction under the store's write lock; once it holds the lock it is under way.
        await CrashSandbox.WaitForAsync(async () => import.HasExited || await cluster.WriteLockHeldAsync(), "the import to take the write lock",
            ReplicaCluster.Patience, () => import.Output);
        Assert.False(import.HasExited, $"the import ended before the replica could start; make it larger. Output:\n{import.Output}");
        var late = cluster.Add("late");
        await late.StartAsync();
        Assert.False(import.HasExited, $"the import committed before the late replica's first build; make it larger. Output:\n{import.Output}");

        Assert.True(await import.WaitForExitAsync(ReplicaCluster.Patience) == 0, $"the import failed. Output:\n{import.Output}");
        foreach (var replica in new[] { serving, late })
        {
            await CrashSandbox.WaitForAsync(async () => await replica.TotalTitlesAsync() == SeedTitles + Imported,
                $"replica {replica.Name} to apply the import", ReplicaCluster.Patience, () => replica.Process!.Output);
        }

        await ReplicationTests.StopAndVerifyAsync(cluster, [serving, late]);
    }
}
