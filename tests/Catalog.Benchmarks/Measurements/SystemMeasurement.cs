using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Systems;

namespace Catalog.Benchmarks.Measurements;

/// <summary>Everything measured for one system over the query mix: one run per thread count, plus result quality.</summary>
internal sealed record SystemMeasurement(string System, int QueryCount, IReadOnlyList<QueryRun> Runs, double MisspelledRecall, double CleanRecall)
{
    public const int WarmupQueries = 50;

    /// <summary>Warm up, run the mix at every thread count, then score recall@10 on the misspelled queries and their clean twins.</summary>
    public static async Task<SystemMeasurement> MeasureAsync(
        ISearchSystem system, IReadOnlyList<BenchQuery> queries, IReadOnlyList<int> threads, CancellationToken cancellationToken)
    {
        await system.PrepareAsync(queries, cancellationToken);
        await QueryRunner.RunAsync(system, [.. queries.Take(WarmupQueries)], 1, cancellationToken);
        var runs = new List<QueryRun>();
        foreach (var count in threads)
            runs.Add(await QueryRunner.RunAsync(system, queries, count, cancellationToken));
        var misspelled = queries.Where(q => q.ExpectedTitleId is not null).ToList();
        var typed = await QueryRunner.RunAsync(system, misspelled, 1, cancellationToken);
        var clean = await QueryRunner.RunAsync(system, [.. misspelled.Select(q => q.Clean())], 1, cancellationToken);
        return new SystemMeasurement(
            system.Name, queries.Count, runs,
            QueryRunner.RecallAt(misspelled, typed.Answers, 10),
            QueryRunner.RecallAt(misspelled, clean.Answers, 10));
    }
}
