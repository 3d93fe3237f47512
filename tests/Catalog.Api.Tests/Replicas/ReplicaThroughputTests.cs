using System.Diagnostics;
using System.Net;
using Catalog.Api.Tests.Fixtures;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Replicas;

/// <summary>
/// A measurement for docs/running-at-scale.md, not a performance assertion: distinct searches per second
/// through one replica, then through two (a round-robin client in this process, on the same cores).
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class ReplicaThroughputTests(ITestOutputHelper output)
{
    private const int Titles = 5_000;
    private const int Clients = 8;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(5);

    private int counter;

    [SkippableFact(Timeout = 300_000)]
    public async Task Distinct_searches_per_second_through_one_replica_and_through_two()
    {
        await using var cluster = await ReplicaCluster.CreateAsync();
        await cluster.ImportAsync(cluster.WriteCatalog("load", Titles));
        var replicas = await cluster.StartAsync("a", "b");

        await LoadAsync(replicas, Warmup);
        var one = await LoadAsync(replicas[..1], Measured);
        var two = await LoadAsync(replicas, Measured);
        output.WriteLine($"{Titles} titles, {Clients} concurrent clients, {Environment.ProcessorCount} cores, distinct search documents:");
        output.WriteLine($"  one replica:  {one.PerSecond:F0} requests/s ({one.Answered} in {Measured.TotalSeconds:F0} s)");
        output.WriteLine($"  two replicas: {two.PerSecond:F0} requests/s ({two.Answered} in {Measured.TotalSeconds:F0} s, round robin)");

        Assert.True(one.Answered > 0 && two.Answered > 0);
        Assert.True(one.Failures.Count + two.Failures.Count == 0, string.Join("\n", one.Failures.Concat(two.Failures).Take(5)));
    }

    private sealed record Load(long Answered, double PerSecond, IReadOnlyList<string> Failures);

    /// <summary>
    /// <see cref="Clients"/> closed loops for <paramref name="duration"/>, request n to replica n mod count. An
    /// alias numbered n makes every document distinct, so no response cache answers.
    /// </summary>
    private async Task<Load> LoadAsync(Replica[] targets, TimeSpan duration)
    {
        long answered = 0;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref counter);
                var response = await targets[n % targets.Length].PostAsync(
                    $$"""{ s{{n}}: search(query: "title {{n % Titles}}", first: {{1 + (n % 20)}}) { totalCount edges { node { id name year } } } }""");
                if (response.Status == HttpStatusCode.OK && !response.HasErrors)
                {
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    lock (failures)
                        failures.Add($"{(int)response.Status}: {response.Body}");
                }
            }
        }));
        return new Load(answered, answered / clock.Elapsed.TotalSeconds, failures);
    }
}
