using System.ComponentModel.DataAnnotations;

namespace Catalog.Search.Indexing;

/// <summary>Bound from <c>Catalog:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Catalog:Search";

    /// <summary>
    /// How often the index polls the store's change log for writes made by other processes (this process's
    /// own writes wake it at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Applied changes are searchable at once but committed to disk at most this often (a commit syncs files);
    /// after a crash the change log replays what the last commit did not hold. `catalog stats` reports the
    /// committed sequence.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Change-log entries applied per commit while catching up.</summary>
    [Range(1, 1_000_000)]
    public int CatchUpBatchSize { get; set; } = 1000;

    /// <summary>Titles read from the store per query during a full build.</summary>
    [Range(1, 1_000_000)]
    public int BuildPageSize { get; set; } = 2000;

    /// <summary>
    /// <c>/health/ready</c> stays 200 while the oldest change-log entry this replica has not applied is at most
    /// this old (catalog clock), so a replica tailing other replicas' steady writes never flaps to 503.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReadyMaxLag { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An unreferenced generation folder untouched for this long is deleted at start (it may be another process's build).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan AbandonedBuildAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most threads one search reads its segments with when other cores are idle (0, the default: as many as the
    /// machine has cores; 1: the calling thread only). A busy machine gives each search its calling thread alone
    /// whatever this says. On the 2-core benchmark machine at 1M titles, once the JIT had settled, 0 lowered the cold
    /// p99 from 34–37 to 23–25 ms and the p50 by ~10 %, for ~7 % more CPU per query, and two searches at a time still
    /// did as many per second (tests/Catalog.Benchmarks/README.md, twelfth session).
    /// </summary>
    public int ThreadsPerSearch { get; set; }

    /// <summary>
    /// A search matching more titles than this counts its facet values over an even sample of this many of its matches
    /// and scales the counts to the whole (each such facet says <c>exact: false</c>); at or below it every count is exact.
    /// The total, the page and its order are always exact.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ExactCountLimit { get; set; } = 10_000;
}
