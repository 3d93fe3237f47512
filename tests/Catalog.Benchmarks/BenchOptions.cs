using System.Globalization;

namespace Catalog.Benchmarks;

/// <summary>Command-line settings; every measurement can be switched off for a quicker run.</summary>
internal sealed record BenchOptions
{
    public int Titles { get; init; } = 10_000;
    public int Queries { get; init; } = 500;
    public int Seed { get; init; } = 20261126;
    public IReadOnlyList<int> Threads { get; init; } = [1, 2];
    public string? WorkDirectory { get; init; }
    public string? VocabularyPath { get; init; }
    public string? PostgresConnection { get; init; } = Environment.GetEnvironmentVariable("CATALOG_BENCH_PG");

    /// <summary>The LIKE scan reads every row per query: it runs only the first N queries of the mix.</summary>
    public int LikeQueries { get; init; } = 200;

    public int Edits { get; init; } = 20;
    public bool Fts { get; init; } = true;
    public bool Like { get; init; } = true;
    public bool Http { get; init; } = true;

    /// <summary>Also build an index straight from the generated list (the builder alone, without the store).</summary>
    public bool MemoryBuild { get; init; } = true;

    /// <summary>
    /// Keep a copy of the freshly imported store in the work folder and start later runs with the same
    /// titles and seed from that copy: a 1M import takes minutes and is not what a rerun is about.
    /// </summary>
    public bool ReuseStore { get; init; }

    /// <summary>
    /// Start from the store and index an earlier run of the same size and seed left in the work folder:
    /// nothing is imported or built, for iterating on search, edits and HTTP (a 1M build takes minutes).
    /// </summary>
    public bool ReuseData { get; init; }
    public int HttpConnections { get; init; } = 16;
    public int HttpSeconds { get; init; } = 10;
    public string? CatalogDll { get; init; }

    /// <summary>Catalog:Search:ThreadsPerSearch of the in-process engine (0, the app's default: all cores when idle; 1: one thread per search).</summary>
    public int ThreadsPerSearch { get; init; }

    /// <summary>A file to write every query's latency and answer size to, per system and thread count (TSV).</summary>
    public string? LatencyFile { get; init; }

    public string Work => WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"catalog-bench-{Titles}");

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Value().Replace("_", "", StringComparison.Ordinal).Replace("k", "000", StringComparison.Ordinal).Replace("M", "000000", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--titles" => options with { Titles = Number() },
                "--queries" => options with { Queries = Number() },
                "--seed" => options with { Seed = Number() },
                "--threads" => options with { Threads = [.. Value().Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))] },
                "--work" => options with { WorkDirectory = Value() },
                "--vocabulary" => options with { VocabularyPath = Value() },
                "--pg" => options with { PostgresConnection = Value() },
                "--no-pg" => options with { PostgresConnection = null },
                "--like-queries" => options with { LikeQueries = Number() },
                "--edits" => options with { Edits = Number() },
                "--no-fts" => options with { Fts = false },
                "--no-like" => options with { Like = false },
                "--no-http" => options with { Http = false },
                "--no-memory-build" => options with { MemoryBuild = false },
                "--reuse-store" => options with { ReuseStore = true },
                "--reuse-data" => options with { ReuseData = true },
                "--http-connections" => options with { HttpConnections = Number() },
                "--http-seconds" => options with { HttpSeconds = Number() },
                "--catalog-dll" => options with { CatalogDll = Value() },
                "--latencies" => options with { LatencyFile = Value() },
                "--threads-per-search" => options with { ThreadsPerSearch = Number() },
                _ => throw new ArgumentException($"unknown option {args[i]}; see tests/Catalog.Benchmarks/README.md"),
            };
        }

        if (options.Titles < 100 || options.Queries < 10)
            throw new ArgumentException("--titles must be at least 100 and --queries at least 10");
        return options;
    }

    public override string ToString() =>
        $"titles={Titles}, queries={Queries}, seed={Seed}, threads={string.Join(',', Threads)}, like-queries={LikeQueries}, "
        + $"edits={Edits}, reuse-store={(ReuseStore ? "on" : "off")}, reuse-data={(ReuseData ? "on" : "off")}, http={(Http ? $"{HttpConnections} connections × {HttpSeconds}s" : "off")}, "
        + $"postgres={(PostgresConnection is null ? "off" : "on")}, threads-per-search={ThreadsPerSearch}, work={Work}";
}
