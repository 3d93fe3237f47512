using Catalog.Benchmarks.Reporting;

namespace Catalog.Benchmarks.Measurements;

/// <summary>The side-by-side tables: latency and throughput per system and thread count, ratios to Catalog, recall.</summary>
internal static class ComparisonReport
{
    public const string CatalogName = "Catalog (Lucene)";

    public static void Print(IReadOnlyList<SystemMeasurement> systems, IReadOnlyList<Queries.BenchQuery> queries, TextWriter output)
    {
        var catalog = systems.FirstOrDefault(s => s.System == CatalogName);
        var latency = new MarkdownTable(
            "In-process search: query mix with 5 facets, sorts, filters, deep pages (ms)",
            "system", "threads", "pass", "queries", "failures", "p50", "p95", "p99", "max", "queries/s", "CPU ms/query", "p50 Catalog/peer", "p99 Catalog/peer", "q/s Catalog/peer", "CPU Catalog/peer", "peak RSS");
        foreach (var system in systems)
        {
            foreach (var run in system.Runs)
            {
                var summary = run.Summary(system.QueryCount);
                var twin = catalog?.Runs.FirstOrDefault(r => r.Threads == run.Threads && r.Warm == run.Warm)?.Summary(system.QueryCount);
                var isPeer = system != catalog && twin is not null;
                latency.Row(
                    system.System, run.Threads, run.Pass, summary.Count, run.Failures,
                    MarkdownTable.Ms(summary.P50), MarkdownTable.Ms(summary.P95), MarkdownTable.Ms(summary.P99), MarkdownTable.Ms(summary.Max),
                    summary.PerSecond.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
                    MarkdownTable.Ms(run.CpuMsPerQuery),
                    isPeer ? MarkdownTable.Ratio(twin!.P50, summary.P50) : "",
                    isPeer ? MarkdownTable.Ratio(twin!.P99, summary.P99) : "",
                    isPeer ? MarkdownTable.Ratio(twin!.PerSecond, summary.PerSecond) : "",
                    isPeer ? MarkdownTable.Ratio(CpuOf(catalog!, run), run.CpuMsPerQuery) : "",
                    MarkdownTable.Mb(run.PeakResidentBytes));
            }
        }

        latency.Print(output);
        foreach (var system in systems)
            PrintScaling(system, output);
        foreach (var system in systems)
        {
            var run = system.Runs[0];
            var slowest = Enumerable.Range(0, run.LatencyMs.Length).OrderByDescending(i => run.LatencyMs[i]).Take(3)
                .Select(i => $"{MarkdownTable.Ms(run.LatencyMs[i])} ms {queries[i].Shape} '{queries[i].Text}'{(queries[i].Filter is null ? "" : " +filter")} {queries[i].Sort} p{queries[i].Page}");
            output.WriteLine($"- {system.System}, slowest at {run.Threads} thread(s): {string.Join("; ", slowest)}");
        }

        foreach (var failed in systems.SelectMany(s => s.Runs).Where(r => r.FirstFailure is not null).DistinctBy(r => r.System))
            output.WriteLine($"- {failed.System}: first failure: {failed.FirstFailure}");

        var shapes = queries.Select(q => q.Shape).Distinct().Order().ToList();
        ShapeTable("p50 latency by query shape, 1 thread (ms)", systems, queries, shapes, _ => true).Print(output);
        // A peer that finds nothing answers at once (PostgreSQL's english configuration drops stop words, so 'the' or 'of in'
        // find no title there): these p50s compare the queries on which every system's recall is comparable (systems that
        // ran only part of the mix, the LIKE scan, are left out).
        var wholeMix = systems.Where(s => s.Runs[0].Answers.Length == queries.Count).ToList();
        if (wholeMix.Count > 1)
        {
            var foundByAll = Enumerable.Range(0, queries.Count).Where(i => wholeMix.All(s => s.Runs[0].Answers[i] is { TotalCount: > 0 })).ToHashSet();
            ShapeTable("p50 latency by query shape, 1 thread, the queries every system found titles for (ms, queries)",
                wholeMix, queries, shapes, foundByAll.Contains, withCount: true).Print(output);
        }

        var quality = new MarkdownTable(
            "Result quality: expected title in the top 10 (recall@10)",
            "system", "misspelled queries", "same queries spelled right");
        foreach (var system in systems)
            quality.Row(system.System, Percent(system.MisspelledRecall), Percent(system.CleanRecall));
        quality.Print(output);
    }

    private static MarkdownTable ShapeTable(
        string title, IReadOnlyList<SystemMeasurement> systems, IReadOnlyList<Queries.BenchQuery> queries, IReadOnlyList<Queries.QueryShape> shapes,
        Func<int, bool> include, bool withCount = false)
    {
        var table = new MarkdownTable(title, ["system", .. shapes.Select(s => s.ToString())]);
        foreach (var system in systems)
        {
            var run = system.Runs[0];
            table.Row([system.System, .. shapes.Select(shape =>
            {
                double[] latencies = [.. Enumerable.Range(0, run.LatencyMs.Length).Where(i => queries[i].Shape == shape && include(i)).Select(i => run.LatencyMs[i])];
                var p50 = latencies.Length == 0 ? "" : MarkdownTable.Ms(Percentiles.Of(latencies, TimeSpan.Zero).P50);
                return (object)(withCount ? $"{p50} ({latencies.Length})" : p50);
            })]);
        }

        return table;
    }

    private static double CpuOf(SystemMeasurement system, QueryRun twin) =>
        system.Runs.FirstOrDefault(r => r.Threads == twin.Threads && r.Warm == twin.Warm)?.CpuMsPerQuery ?? 0;

    /// <summary>Throughput at more threads against the warm 1-thread pass (both runs have seen the mix before).</summary>
    private static void PrintScaling(SystemMeasurement system, TextWriter output)
    {
        if (system.Runs.FirstOrDefault(r => r.Threads == 1 && r.Warm) is not { } single)
            return;
        var alone = single.Summary(system.QueryCount).PerSecond;
        foreach (var run in system.Runs.Where(r => r.Threads > 1))
            output.WriteLine($"- {system.System}: {run.Threads} threads give {MarkdownTable.Ratio(run.Summary(system.QueryCount).PerSecond, alone)} the warm 1-thread throughput.");
    }

    private static string Percent(double share) => share.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);
}
