using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Reporting;
using Catalog.Core.Search;

namespace Catalog.Benchmarks.Measurements;

/// <summary>
/// Where Catalog's cold 1-thread pass spends its time, from the engine's own <see cref="SearchTimings"/>: the mean of
/// every phase per query shape, and the phases of the slowest queries (the ones that make the p99).
/// </summary>
internal static class PhaseReport
{
    private static readonly string[] Phases = ["reading", "matching", "facet counting", "fallbacks", "related", "highlights"];

    public static void Print(SystemMeasurement catalog, IReadOnlyList<BenchQuery> queries, TextWriter output)
    {
        var run = catalog.Runs[0];
        var timed = Enumerable.Range(0, run.LatencyMs.Length).Where(i => run.Answers[i]?.Phases is not null).ToList();
        if (timed.Count == 0)
            return;

        var byShape = new MarkdownTable(
            $"Where the cold 1-thread pass goes, by query shape (mean ms per query; {catalog.System})",
            ["shape", "queries", "p50", "mean", .. Phases]);
        foreach (var shape in timed.Select(i => queries[i].Shape).Distinct().Order())
            Row(byShape, shape.ToString(), [.. timed.Where(i => queries[i].Shape == shape)], run);
        Row(byShape, "all", timed, run);
        byShape.Print(output);
        foreach (var pass in catalog.Runs.Where(r => r.Threads == 1))
        {
            var count = Math.Max(1, pass.LatencyMs.Length);
            var runtime = pass.Runtime;
            output.WriteLine($"- {pass.Pass} pass: {runtime.AllocatedBytes / 1e6 / count:0.0} MB allocated per query; garbage collections paused the process " +
                $"{MarkdownTable.Ms(runtime.Stalls.GcPaused.TotalMilliseconds)} ms in all, {MarkdownTable.Ms(runtime.Stalls.GcPaused.TotalMilliseconds / count)} ms per query " +
                $"({runtime.Gen0} gen0, {runtime.Gen1} gen1, {runtime.Gen2} gen2 collections; the generated catalog is held in this process's heap); " +
                $"{runtime.MethodsCompiled} methods compiled, {MarkdownTable.Ms(runtime.Stalls.Compiling.TotalMilliseconds)} ms of JIT on any thread");
        }

        var slowest = new MarkdownTable(
            "The slowest cold queries, by phase (ms)",
            ["query", "shape", "matches", "total", .. Phases, "GC pause", "JIT (any thread)"]);
        foreach (var i in timed.OrderByDescending(i => run.LatencyMs[i]).Take(10))
        {
            var query = queries[i];
            slowest.Row([
                $"'{query.Text}'{(query.Filter is null ? "" : " +filter")} {query.Sort} p{query.Page}", query.Shape, run.Answers[i]!.TotalCount,
                MarkdownTable.Ms(run.LatencyMs[i]), .. Values(run.Answers[i]!.Phases!).Select(ms => (object)MarkdownTable.Ms(ms)),
                MarkdownTable.Ms(run.Stalls[i].GcPaused.TotalMilliseconds), MarkdownTable.Ms(run.Stalls[i].Compiling.TotalMilliseconds)]);
        }

        slowest.Print(output);
    }

    private static void Row(MarkdownTable table, string label, List<int> indexes, QueryRun run)
    {
        var latencies = indexes.Select(i => run.LatencyMs[i]).ToList();
        var means = Enumerable.Range(0, Phases.Length).Select(p => indexes.Average(i => Values(run.Answers[i]!.Phases!)[p]));
        table.Row([
            label, indexes.Count, MarkdownTable.Ms(Percentiles.Of(latencies, TimeSpan.Zero).P50), MarkdownTable.Ms(latencies.Average()),
            .. means.Select(ms => (object)MarkdownTable.Ms(ms))]);
    }

    private static double[] Values(SearchTimings t) => [t.ReadingMs, t.MatchingMs, t.FacetCountingMs, t.FallbacksMs, t.RelatedMs, t.HighlightsMs];
}
