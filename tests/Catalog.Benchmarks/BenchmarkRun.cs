using System.Diagnostics;
using Catalog.Benchmarks.Generation;
using Catalog.Benchmarks.Measurements;
using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Reporting;
using Catalog.Benchmarks.Systems;
using Catalog.Core.Titles;

namespace Catalog.Benchmarks;

/// <summary>One benchmark run: generate, measure Catalog and every peer on the same data, print the tables.</summary>
internal sealed class BenchmarkRun(BenchOptions options, TextWriter output)
{
    /// <summary>"Now" of the generated catalog: fixed, so the data and the queries never depend on the run date.</summary>
    public static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The clock every system searches at (Catalog's fixed clock, the peers' availability filter).</summary>
    public static readonly DateTime SearchNow = Now.AddHours(12);

    /// <summary>Queries each system answers before the measured passes (JIT, connections, the first reader's columns).</summary>
    private const int WarmupQueries = 50;

    /// <summary>Queries the JIT warm-up draws its rounds from (those sharing a word with the mix are left out).</summary>
    private const int JitWarmupCandidates = 6000;

    /// <summary>Runs everything; false when a system failed queries, an edit never became visible or HTTP answers were errors.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Work);
        output.WriteLine($"# Catalog benchmark, {options.Titles:N0} titles");
        MachineInfo.Table(options.ToString()).Print(output);
        output.WriteLine($"- load average at start: {CpuClock.LoadAverage()} (other work on the machine inflates wall times; CPU times are less affected)");

        var (titles, vocabulary) = Generate();
        var queries = QueryMix.Build(titles, vocabulary, SearchNow, options.Queries, options.Seed + 1);
        // Other queries than the mix's: the mix's first pass stays cold (every query seen for the first time).
        var warmup = QueryMix.Build(titles, vocabulary, SearchNow, WarmupQueries, options.Seed + 2);
        var jitWarmup = QueryMix.Build(titles, vocabulary, SearchNow, JitWarmupCandidates, options.Seed + 3);
        PrintQueryMix(queries);

        var problems = new List<string>();
        var builds = new List<BuildMeasurement>();
        Http.InProcessTwinCost? httpTwin = null;
        var systems = new List<SystemMeasurement>();
        await using (var catalog = new CatalogSuite(options, titles, output))
        {
            if (await catalog.StartAsync(cancellationToken) is { } search)
            {
                var engine = new CatalogEngine(search, ComparisonReport.CatalogName);
                PrintJitWarmUp(await JitWarmUp.RunAsync(engine, jitWarmup, queries, cancellationToken));
                var measured = await SystemMeasurement.MeasureAsync(engine, queries, warmup, options.Threads, cancellationToken);
                systems.Add(measured);
                await FacetEstimates.PrintAsync(search, catalog.ExactCounting(), queries, output, cancellationToken);
                catalog.Memory.Row("peak while searching", MarkdownTable.Mb(measured.Runs.Max(r => r.PeakResidentBytes)));
                var edits = await catalog.MeasureEditsAsync(search, cancellationToken);
                PrintEdits(edits);
                if (edits.NotVisible > 0)
                    problems.Add($"{edits.NotVisible} edits never became visible in search");
                if (options.Http)
                    httpTwin = await Http.InProcessTwin.MeasureAsync(search, Http.HttpSuite.SplitTexts(queries).Loaded, cancellationToken);
            }

            builds.AddRange(catalog.Builds);
            catalog.Memory.Print(output);
        }

        var peers = new PeerSuite(options, titles, queries, warmup, output);
        systems.AddRange(await peers.MeasureAsync(cancellationToken));
        builds.AddRange(peers.Builds);

        PrintBuilds(builds);
        ComparisonReport.Print(systems, queries, output);
        if (systems.FirstOrDefault(s => s.System == ComparisonReport.CatalogName) is { } catalogSearch)
            PhaseReport.Print(catalogSearch, queries, output);
        if (options.LatencyFile is { } latencyFile)
            WriteLatencies(latencyFile, systems, queries);
        problems.AddRange(systems.SelectMany(s => s.Runs).Where(r => r.Failures > 0).Select(r => $"{r.System}: {r.Failures} failed queries at {r.Threads} thread(s)"));
        if (options.Http)
            problems.AddRange(await new Http.HttpSuite(options, queries, Path.Combine(options.Work, "catalog-data"), output, httpTwin).RunAsync(cancellationToken));
        foreach (var problem in problems)
            output.WriteLine($"- PROBLEM: {problem}");
        output.WriteLine($"- load average at end: {CpuClock.LoadAverage()}");
        return problems.Count == 0;
    }

    private (List<Title> Titles, CatalogVocabulary Vocabulary) Generate()
    {
        var clock = Stopwatch.StartNew();
        var seed = SeedVocabulary.Load(SeedVocabulary.Locate(RepoRoot.Find(), options.VocabularyPath));
        var vocabulary = CatalogVocabulary.Build(seed, options.Titles, new Random(options.Seed));
        var titles = new CatalogGenerator(vocabulary, Now, options.Seed).Generate(options.Titles).ToList();
        clock.Stop();
        new MarkdownTable("Generated catalog", "what", "value")
            .Row("titles", titles.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
            .Row("generation time", $"{clock.Elapsed.TotalSeconds:0.0} s")
            .Row("vocabulary source", seed.Source)
            .Row("titles fingerprint (names reused stores)", CatalogSuite.FingerprintOf(options, titles))
            .Row("title words / tags / people in pools", $"{vocabulary.TitleWords.Items.Count} / {vocabulary.Tags.Items.Count} / {vocabulary.People.Items.Count}")
            .Row("with trailers", Share(titles, t => t.Trailers.Count > 0))
            .Row("with an availability end", Share(titles, t => t.AvailableUntil is not null))
            .Row("added after 'now' (coming soon)", Share(titles, t => t.AddedAt > Now))
            .Row("median / max votes", $"{Median(titles.Select(t => t.RatingCount))} / {titles.Max(t => t.RatingCount)}")
            .Row("resident memory after generation", MarkdownTable.Mb(ProcessMemory.ResidentBytes()))
            .Print(output);
        return (titles, vocabulary);
    }

    private void PrintQueryMix(List<BenchQuery> queries)
    {
        var table = new MarkdownTable("Query mix", "shape", "queries", "example");
        foreach (var group in queries.GroupBy(q => q.Shape).OrderBy(g => g.Key))
            table.Row(group.Key, group.Count(), Example(group.First()));
        table.Row("sorts", string.Join(", ", queries.GroupBy(q => q.Sort).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")), "");
        table.Row("facets on every query", BenchQuery.Facets.Count, string.Join(", ", BenchQuery.Facets.Select(f => f.Field)));
        table.Print(output);
    }

    private void PrintBuilds(List<BuildMeasurement> builds)
    {
        var table = new MarkdownTable("Ingest and index build", "what", "titles", "time (s)", "titles/s", "CPU (s)", "titles per CPU-second", "size on disk");
        foreach (var build in builds)
        {
            table.Row(build.What, build.Titles, build.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                build.TitlesPerSecond.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
                build.Cpu.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                build.TitlesPerCpuSecond.ToString("0", System.Globalization.CultureInfo.InvariantCulture), build.Bytes is long b ? MarkdownTable.Mb(b) : "");
        }

        table.Print(output);
    }

    private void PrintJitWarmUp(JitWarmUpResult warmUp) =>
        new MarkdownTable("JIT warm-up before the cold pass (rounds of 50 other queries, no word shared with the mix)", "queries", "seconds", "methods compiled per round", "settled")
            .Row(warmUp.Queries, warmUp.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", warmUp.CompiledPerRound), warmUp.Settled ? "yes" : "no (round limit)")
            .Print(output);

    private void PrintEdits(EditLatency edits) =>
        new MarkdownTable("Edit-to-visible through the change log (write via CatalogDbContext, poll search)", "edits", "p50 ms", "max ms", "the process's first edit, ms (not in p50/max)", "not visible within 30 s")
            .Row(edits.Summary.Count, MarkdownTable.Ms(edits.Summary.P50), MarkdownTable.Ms(edits.Summary.Max), edits.FirstEditMs is double f ? MarkdownTable.Ms(f) : "", edits.NotVisible)
            .Print(output);

    private static void WriteLatencies(string path, List<SystemMeasurement> systems, List<BenchQuery> queries)
    {
        var lines = new List<string> { "system\tthreads\tquery\tshape\tms\ttotal\tquery\tpass\tgc pause ms\tjit ms" };
        foreach (var run in systems.SelectMany(s => s.Runs))
        {
            // A system may have run only the first queries of the mix (the LIKE scan).
            lines.AddRange(queries.Take(run.LatencyMs.Length).Select((query, i) => string.Join('\t',
                run.System, run.Threads, query.Number, query.Shape, MarkdownTable.Ms(run.LatencyMs[i]), run.Answers[i]?.TotalCount, Example(query), run.Pass,
                MarkdownTable.Ms(run.Stalls[i].GcPaused.TotalMilliseconds), MarkdownTable.Ms(run.Stalls[i].Compiling.TotalMilliseconds))));
        }

        File.WriteAllLines(path, lines);
    }

    private static string Example(BenchQuery query)
    {
        var filter = query.Filter is null ? "" : " + filter";
        var page = query.Page > 1 ? $" page {query.Page}" : "";
        var typo = query.CleanWords is { } clean ? $" (for '{string.Join(' ', clean)}')" : "";
        return $"'{query.Text}'{typo}{filter}, {query.Sort}{page}";
    }

    private static string Share(List<Title> titles, Func<Title, bool> predicate) =>
        (titles.Count(predicate) / (double)titles.Count).ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

internal static class RepoRoot
{
    /// <summary>The checkout this binary was built from (the folder holding Catalog.sln), else the current folder.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Catalog.sln")))
                    return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
