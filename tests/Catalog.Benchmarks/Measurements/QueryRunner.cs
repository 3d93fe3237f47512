using System.Diagnostics;
using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Reporting;
using Catalog.Benchmarks.Systems;

namespace Catalog.Benchmarks.Measurements;

/// <summary>One pass of a query list through a system: latency of every query, answers, failures.</summary>
internal sealed record QueryRun(string System, int Threads, double[] LatencyMs, SearchAnswer?[] Answers, int Failures, string? FirstFailure, TimeSpan Wall, TimeSpan Cpu, long PeakResidentBytes)
{
    /// <summary>CPU milliseconds per query (this process plus the system's local server processes).</summary>
    public double CpuMsPerQuery => Cpu.TotalMilliseconds / Math.Max(1, LatencyMs.Length);

    /// <summary>The mix ran before in this process (caches hold its words); false for the cold pass, every query seen for the first time.</summary>
    public bool Warm { get; init; }

    public string Pass => Warm ? "warm" : "cold";

    /// <summary>
    /// This process's garbage collections during the run (the time every thread stood still, and how many of each
    /// generation) and its JIT compilations.
    /// </summary>
    public RuntimeActivity Runtime { get; init; } = new(0, 0, 0, 0, 0, default);

    /// <summary>
    /// Per query, what this process did besides the query while it ran: garbage-collection pauses and JIT compilation
    /// on any thread (tier-up runs on a thread of its own and takes a core); with more threads, overlapping queries
    /// each count all of it.
    /// </summary>
    public RuntimeStalls[] Stalls { get; init; } = [];

    public Percentiles Summary(int? firstQueries = null)
    {
        var take = Math.Min(firstQueries ?? LatencyMs.Length, LatencyMs.Length);
        var measured = LatencyMs.Take(take).Where((_, i) => Answers[i] is not null).ToList();
        var wall = take == LatencyMs.Length ? Wall : TimeSpan.FromMilliseconds(measured.Sum() / Threads);
        return Percentiles.Of(measured, wall);
    }
}

/// <summary>
/// This process's allocations, garbage collections (bytes allocated, collections per generation, total pause) and JIT
/// compilations (methods, time on any thread): a difference of two readings.
/// </summary>
internal sealed record RuntimeActivity(long AllocatedBytes, int Gen0, int Gen1, int Gen2, long MethodsCompiled, RuntimeStalls Stalls)
{
    public static RuntimeActivity Now() =>
        new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            System.Runtime.JitInfo.GetCompiledMethodCount(), RuntimeStalls.Now());

    public static RuntimeActivity operator -(RuntimeActivity a, RuntimeActivity b) =>
        new(a.AllocatedBytes - b.AllocatedBytes, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.MethodsCompiled - b.MethodsCompiled, a.Stalls - b.Stalls);
}

/// <summary>
/// Time this process's threads stood still for garbage collections and time spent compiling (JIT, any thread): cheap to
/// read, so taken around every query; a difference of two readings.
/// </summary>
internal readonly record struct RuntimeStalls(TimeSpan GcPaused, TimeSpan Compiling)
{
    public static RuntimeStalls Now() => new(GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompilationTime());

    public static RuntimeStalls operator -(RuntimeStalls a, RuntimeStalls b) => new(a.GcPaused - b.GcPaused, a.Compiling - b.Compiling);
}

internal static class QueryRunner
{
    /// <summary>Runs <paramref name="queries"/> once, split over <paramref name="threads"/> workers pulling the next query.</summary>
    public static async Task<QueryRun> RunAsync(ISearchSystem system, IReadOnlyList<BenchQuery> queries, int threads, CancellationToken cancellationToken)
    {
        var latencies = new double[queries.Count];
        var stalls = new RuntimeStalls[queries.Count];
        var answers = new SearchAnswer?[queries.Count];
        var failures = 0;
        string? firstFailure = null;
        var next = -1;
        using var memory = new ProcessMemory.PeakSampler();
        var runtime = RuntimeActivity.Now();
        var cpu = CpuClock.Used(system.ServerProcesses);
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(worker => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < queries.Count)
            {
                var started = Stopwatch.GetTimestamp();
                var before = RuntimeStalls.Now();
                try
                {
                    answers[index] = await system.SearchAsync(queries[index], worker, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, $"query {queries[index].Number} '{queries[index].Text}': {e.GetType().Name}: {e.Message}", null);
                }

                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                stalls[index] = RuntimeStalls.Now() - before;
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        wall.Stop();
        cpu = CpuClock.Used(system.ServerProcesses) - cpu;
        return new QueryRun(system.Name, threads, latencies, answers, failures, firstFailure, wall.Elapsed, cpu, memory.PeakBytes) { Runtime = RuntimeActivity.Now() - runtime, Stalls = stalls };
    }

    /// <summary>Share of queries whose expected title is among the first <paramref name="k"/> hits.</summary>
    public static double RecallAt(IReadOnlyList<BenchQuery> queries, IReadOnlyList<SearchAnswer?> answers, int k)
    {
        var expected = queries.Select((q, i) => (q.ExpectedTitleId, Answer: answers[i])).Where(p => p.ExpectedTitleId is not null).ToList();
        if (expected.Count == 0)
            return 0;
        return expected.Count(p => p.Answer?.TitleIds.Take(k).Contains(p.ExpectedTitleId, StringComparer.Ordinal) == true) / (double)expected.Count;
    }
}
