using System.Diagnostics;
using Catalog.Api.Auth;
using Catalog.Api.Tests.Crash;
using Catalog.Api.Tests.Fixtures;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Replicas;

/// <summary>
/// Three <c>catalog serve</c> processes on one PostgreSQL database: what one replica writes, the others
/// find in search within the bound SPEC section 7 promises, and every replica applies the store's order.
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class ReplicationTests(ITestOutputHelper output)
{
    /// <summary>Generated title 9k has rating 1, 9k+1 rating 2 (one vote each); directors tell each pair apart.</summary>
    private const int Pairs = 10;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>How long a visibility poll goes on before the write counts as lost (well past the bound, for a clear message).</summary>
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(15);

    [SkippableFact(Timeout = 300_000)]
    public async Task Curator_edits_and_reviews_on_one_replica_are_in_search_and_rating_order_on_the_others_within_two_seconds()
    {
        await using var cluster = await ReplicaCluster.CreateAsync();
        await cluster.ImportAsync(cluster.WriteCatalog("seed", 9 * Pairs));
        var replicas = await cluster.StartAsync("a", "b", "c");
        var (writer, readers) = (replicas[0], replicas[1..]);
        var curator = cluster.Token("curator-1", AuthOptions.CuratorRole);
        var lags = new List<TimeSpan>();

        for (var k = 0; k < Pairs; k++)
        {
            var (edited, word) = ($"seed-{(9 * k) + 4}", Words.Unique());
            var editTag = new { tags = new[] { $"edit {word}" } };
            await writer.ExecuteAsync(Mutations.Upsert, new { i = new { id = edited, name = $"Renamed {word}", editTag.tags } }, curator);
            lags.AddRange(await LagsAsync(readers, async r => (await r.SearchIdsAsync(word, editTag)).Contains(edited)));

            // A 10 on the pair's lower-rated title lifts it above the other in the weighted RATING order.
            var (low, high) = ($"seed-{9 * k}", $"seed-{(9 * k) + 1}");
            var pair = new { people = new[] { $"Director {9 * k}", $"Director {(9 * k) + 1}" } };
            foreach (var replica in replicas)
                Assert.Equal([high, low], await replica.SearchIdsAsync(filter: pair, sort: "RATING"));
            await writer.ExecuteAsync(Mutations.Review, new { i = new { titleId = low, rating = 10, body = "Lifts it." } }, cluster.Token($"viewer-{k}"));
            lags.AddRange(await LagsAsync(readers, async r => (await r.SearchIdsAsync(filter: pair, sort: "RATING")).SequenceEqual([low, high])));
        }

        var sorted = lags.Order().ToList();
        output.WriteLine($"replication lag over {sorted.Count} (write, replica) pairs: p50 {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, " +
            $"p90 {sorted[sorted.Count * 9 / 10].TotalMilliseconds:F0} ms, max {sorted[^1].TotalMilliseconds:F0} ms");
        Assert.All(lags, lag => Assert.True(lag < Bound, $"a write took {lag.TotalMilliseconds:F0} ms to reach a replica's search"));
        await StopAndVerifyAsync(cluster, replicas);
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task Writes_through_two_replicas_alternately_are_applied_in_the_stores_order_by_every_replica()
    {
        await using var cluster = await ReplicaCluster.CreateAsync();
        await cluster.ImportAsync(cluster.WriteCatalog("seed", 20));
        var replicas = await cluster.StartAsync("a", "b", "c");
        var curator = cluster.Token("curator-1", AuthOptions.CuratorRole);
        const string contested = "seed-5";

        // Each write is acknowledged before the next, through the other replica, without waiting for replication.
        string? last = null;
        for (var n = 0; n < 10; n++)
        {
            foreach (var through in replicas[..2])
            {
                last = $"{through.Name}{n} {Words.Unique()}";
                await through.ExecuteAsync(Mutations.Upsert, new { i = new { id = contested, name = $"Contested {last}", tags = new[] { last } } }, curator);
                await through.ExecuteAsync(Mutations.Review, new { i = new { titleId = contested, rating = 1 + n, body = $"Written through {through.Name}." } },
                    cluster.Token($"viewer-{last}"));
            }
        }

        var stored = await replicas[0].ExecuteAsync("query($id: ID!) { title(id: $id) { name tags } }", new { id = contested });
        Assert.Equal($"Contested {last}", stored.At("title.name").GetString());
        foreach (var replica in replicas)
        {
            await CrashSandbox.WaitForAsync(async () => (await replica.SearchIdsAsync(filter: new { tags = new[] { last } })).Contains(contested),
                $"replica {replica.Name} to apply the last write", GiveUp, () => replica.Process!.Output);
        }

        // Index equal to the store on each replica: name, tags and the rating of all 20 reviews, in the store's order.
        await StopAndVerifyAsync(cluster, replicas);
    }

    internal static async Task StopAndVerifyAsync(ReplicaCluster cluster, IEnumerable<Replica> replicas)
    {
        foreach (var replica in replicas)
        {
            await replica.StopAsync();
            await cluster.VerifyAsync(replica);
        }
    }

    /// <summary>From the acknowledged write (now) until each replica's search shows it.</summary>
    private static async Task<TimeSpan[]> LagsAsync(IEnumerable<Replica> replicas, Func<Replica, Task<bool>> shows)
    {
        var acknowledged = Stopwatch.StartNew();
        return await Task.WhenAll(replicas.Select(async replica =>
        {
            await CrashSandbox.WaitForAsync(() => shows(replica), $"replica {replica.Name} to show the write", GiveUp, () => replica.Process!.Output);
            return acknowledged.Elapsed;
        }));
    }
}

/// <summary>The writes the replica tests make.</summary>
internal static class Mutations
{
    public const string Upsert = "mutation($i: TitleInput!) { upsertTitle(input: $i) { id } }";
    public const string Review = "mutation($i: SubmitReviewInput!) { submitReview(input: $i) { id } }";
}

/// <summary>Search terms no other title contains (letters only, so the analyzers keep them whole).</summary>
internal static class Words
{
    public static string Unique() =>
        "w" + string.Concat(Guid.NewGuid().ToString("N")[..12].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}
