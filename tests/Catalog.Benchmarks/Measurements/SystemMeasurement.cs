using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Systems;

namespace Catalog.Benchmarks.Measurements;

/// <summary>Everything measured for one system over the query mix: one run per thread count, plus result quality.</summary>
internal sealed record SystemMeasurement(string System, int QueryCount, IReadOnlyList<QueryRun> Runs, double MisspelledRecall, double CleanRecall)
{
    /// <summary>
    /// Warm up on other queries than the mix's, run the mix at the first thread count on queries seen for the first time
    /// (the cold pass), the same mix again (the warm pass), then at the other thread counts (warm too), and score recall@10
    /// on the misspelled queries and their clean twins.
    /// </summary>
    public static async Task<SystemMeasurement> MeasureAsync(
        ISearchSystem system, IReadOnlyList<BenchQuery> queries, IReadOnlyList<BenchQuery> warmup, IReadOnlyList<int> threads, CancellationToken cancellationToken)
    {
        await system.PrepareAsync(queries, cancellationToken);
        await QueryRunner.RunAsync(system, [.. warmup.Where(q => q.Page == 1)], 1, cancellationToken);
        var runs = new List<QueryRun>();
        foreach (var count in threads)
        {
            runs.Add(await QueryRunner.RunAsync(system, queries, count, cancellationToken) with { Warm = runs.Count > 0 });
            if (runs.Count == 1)
                runs.Add(await QueryRunner.RunAsync(system, queries, count, cancellationToken) with { Warm = true });
        }

        var misspelled = queries.Where(q => q.ExpectedTitleId is not null).ToList();
        var typed = await QueryRunner.RunAsync(system, misspelled, 1, cancellationToken);
        var clean = await QueryRunner.RunAsync(system, [.. misspelled.Select(q => q.Clean())], 1, cancellationToken);
        return new SystemMeasurement(
            system.Name, queries.Count, runs,
            QueryRunner.RecallAt(misspelled, typed.Answers, 10),
            QueryRunner.RecallAt(misspelled, clean.Answers, 10));
    }
}
