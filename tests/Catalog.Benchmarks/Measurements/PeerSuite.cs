using Catalog.Benchmarks.Reporting;
using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Systems;
using Catalog.Core.Titles;

namespace Catalog.Benchmarks.Measurements;

/// <summary>Builds the peers on the generated titles and measures them on the same query mix.</summary>
internal sealed class PeerSuite(BenchOptions options, IReadOnlyList<Title> titles, IReadOnlyList<BenchQuery> queries, IReadOnlyList<BenchQuery> warmup, TextWriter output)
{
    /// <summary>m of the weighted rating (Catalog's default RankingOptions.PriorVotes), for the RATING sort.</summary>
    private const double PriorVotes = 1000;

    private readonly double catalogMean = PeerRow.CatalogMean(titles);

    public List<BuildMeasurement> Builds { get; } = [];

    public async Task<List<SystemMeasurement>> MeasureAsync(CancellationToken cancellationToken)
    {
        var measured = new List<SystemMeasurement>();
        var workers = options.Threads.Max();
        if (options.Fts || options.Like)
        {
            var path = Path.Combine(options.Work, "peer-sqlite.db");
            var build = new PhaseTimer();
            SqlitePeerDatabase.Create(path, titles);
            Builds.Add(new BuildMeasurement("SQLite (tables + FTS5, one transaction)", titles.Count, build.Elapsed, build.Cpu, new FileInfo(path).Length));
            if (options.Fts)
            {
                await using var fts = new SqlitePeer(new Fts5Matcher(), path, workers, Sql(SqlDialects.Sqlite));
                measured.Add(await SystemMeasurement.MeasureAsync(fts, queries, warmup, options.Threads, cancellationToken));
            }

            if (options.Like)
            {
                await using var like = new SqlitePeer(new LikeMatcher(), path, workers, Sql(SqlDialects.Sqlite));
                measured.Add(await SystemMeasurement.MeasureAsync(like, [.. queries.Take(options.LikeQueries)], warmup, options.Threads, cancellationToken));
            }
        }

        if (options.PostgresConnection is null)
        {
            output.WriteLine("- PostgreSQL FTS: skipped (set CATALOG_BENCH_PG, e.g. Host=127.0.0.1;Username=postgres;Password=postgres).");
        }
        else if (await TryMeasurePostgresAsync(options.PostgresConnection, workers, cancellationToken) is { } postgres)
        {
            measured.Add(postgres);
        }

        return measured;
    }

    private async Task<SystemMeasurement?> TryMeasurePostgresAsync(string connectionString, int workers, CancellationToken cancellationToken)
    {
        try
        {
            var build = new PhaseTimer();
            await PostgresPeer.LoadAsync(connectionString, titles, cancellationToken);
            Builds.Add(new BuildMeasurement("PostgreSQL (COPY + GIN indexes; CPU: client only)", titles.Count, build.Elapsed, build.Cpu, null));
            await using var postgres = await PostgresPeer.ConnectAsync(connectionString, workers, Sql(SqlDialects.Postgres), cancellationToken);
            return await SystemMeasurement.MeasureAsync(postgres, queries, warmup, options.Threads, cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            output.WriteLine($"- PostgreSQL FTS: skipped, the server at CATALOG_BENCH_PG is not usable: {e.Message}");
            return null;
        }
    }

    private PeerQuerySql Sql(SqlDialect dialect) => new(dialect, PriorVotes, catalogMean, BenchmarkRun.SearchNow);
}

/// <summary>How long a system took to ingest the generated titles and what it occupies on disk.</summary>
internal sealed record BuildMeasurement(string What, int Titles, TimeSpan Elapsed, TimeSpan Cpu, long? Bytes)
{
    public double TitlesPerCpuSecond => Titles / Math.Max(Cpu.TotalSeconds, 1e-9);

    public double TitlesPerSecond => Titles / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
