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

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Work);
        output.WriteLine($"# Catalog benchmark, {options.Titles:N0} titles");
        MachineInfo.Table(options.ToString()).Print(output);

        var (titles, vocabulary) = Generate();
        var queries = QueryMix.Build(titles, vocabulary, Now, options.Queries, options.Seed + 1);
        PrintQueryMix(queries);

        var builds = new List<BuildMeasurement>();
        var systems = new List<SystemMeasurement>();
        var peers = new PeerSuite(options, titles, queries, output);
        systems.AddRange(await peers.MeasureAsync(cancellationToken));
        builds.AddRange(peers.Builds);

        PrintBuilds(builds);
        ComparisonReport.Print(systems, queries, output);
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
        var table = new MarkdownTable("Ingest and index build", "what", "titles", "time (s)", "titles/s", "size on disk");
        foreach (var build in builds)
        {
            table.Row(build.What, build.Titles, build.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                build.TitlesPerSecond.ToString("0", System.Globalization.CultureInfo.InvariantCulture), build.Bytes is long b ? MarkdownTable.Mb(b) : "");
        }

        table.Print(output);
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
