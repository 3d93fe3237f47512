using System.Diagnostics;
using System.Runtime;
using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Systems;

namespace Catalog.Benchmarks.Measurements;

/// <summary>What the JIT warm-up ran: rounds, queries, seconds, and the methods compiled in each round.</summary>
internal sealed record JitWarmUpResult(int Queries, TimeSpan Elapsed, IReadOnlyList<long> CompiledPerRound, bool Settled);

/// <summary>
/// Runs rounds of other queries than the mix's until the JIT has settled, before the cold pass. The engine runs in this
/// process, and .NET first compiles a method unoptimised (tier 0), then again optimised once it has been called 30 times
/// and the tier-0 compilations have paused: a query shape's own code (a filter's split counting, fallbacks, a sort) reaches
/// 30 calls only after dozens of queries of that shape. Without this, the cold pass measured that tier-up too: in the
/// eleventh session's 1M run its first 200 queries took 1.4–1.9× their warm-pass time and the last 100 1.03–1.06×. A server
/// that has served traffic runs optimised code, and <c>catalog serve</c> warms up the same way before it reports ready.
/// No warm-up query shares a word with the measured mix, so the cold pass still sees every word for the first time.
/// </summary>
internal static class JitWarmUp
{
    private const int RoundSize = 50;
    private const int MaxRounds = 30;

    /// <summary>A round that compiles fewer methods than this counts as settled (rare paths still compile now and then); the rule of the server's warm-up (JitSettling).</summary>
    private const int SettledBelow = 5;

    public static async Task<JitWarmUpResult> RunAsync(
        ISearchSystem system, IReadOnlyList<BenchQuery> candidates, IReadOnlyList<BenchQuery> measured, CancellationToken cancellationToken)
    {
        var seen = measured.SelectMany(q => q.Words.Concat(q.CleanWords ?? [])).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var pool = candidates.Where(q => q.Page == 1 && !q.Words.Any(w => seen.Contains(w.ToLowerInvariant()))).ToList();
        var clock = Stopwatch.StartNew();
        var compiled = new List<long>();
        var queries = 0;
        for (var round = 0; round < MaxRounds && (round + 1) * RoundSize <= pool.Count; round++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await QueryRunner.RunAsync(system, pool.GetRange(round * RoundSize, RoundSize), 1, cancellationToken);
            queries += RoundSize;
            compiled.Add(JitInfo.GetCompiledMethodCount() - before);
            if (round > 0 && compiled[^1] < SettledBelow)
                return new JitWarmUpResult(queries, clock.Elapsed, compiled, Settled: true);
        }

        return new JitWarmUpResult(queries, clock.Elapsed, compiled, Settled: false);
    }
}
