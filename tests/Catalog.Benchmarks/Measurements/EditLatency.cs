using System.Diagnostics;
using Catalog.Benchmarks.Reporting;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Store;

namespace Catalog.Benchmarks.Measurements;

/// <summary>
/// Edit-to-visible latency through the change log: rename a title through CatalogDbContext (the write
/// path every API mutation takes), then search for the new word until the title shows up. The process's
/// first edit also pays EF Core's model building and query compilation, once per process: it is reported
/// on its own and the percentiles are over the edits after it.
/// </summary>
internal sealed record EditLatency(Percentiles Summary, int NotVisible, double? FirstEditMs)
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public static async Task<EditLatency> MeasureAsync(
        ICatalogDbFactory store, ITitleSearch search, IReadOnlyList<Title> titles, int edits, CancellationToken cancellationToken)
    {
        if (edits == 0)
            return new EditLatency(Percentiles.Of([], TimeSpan.Zero), 0, null);
        var available = titles.Where(t => Queries.QueryMix.IsAvailable(t, BenchmarkRun.SearchNow)).ToList();
        var latencies = new List<double>();
        var notVisible = 0;
        double? first = null;
        var random = new Random(edits);
        var run = RunLetters();
        for (var i = 0; i <= edits; i++)
        {
            var id = available[random.Next(available.Count)].Id;
            var marker = Marker(run, i);
            var clock = Stopwatch.StartNew();
            await using (var db = store.Create())
            {
                var title = await db.Titles.FindAsync([id], cancellationToken) ?? throw new InvalidOperationException($"title {id} is missing from the store");
                title.Name = $"{title.Name} {marker}";
                await db.SaveChangesAsync(cancellationToken);
            }

            var visible = await VisibleAsync(search, marker, id, cancellationToken);
            if (!visible)
                notVisible++;
            else if (i == 0)
                first = clock.Elapsed.TotalMilliseconds;
            else
                latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new EditLatency(Percentiles.Of(latencies, TimeSpan.Zero), notVisible, first);
    }

    /// <summary>
    /// A word no generated title has ("zzqedit", the run's letters, the edit's letters), so only the edited
    /// title matches it, even in a store an earlier run (--reuse-data) already edited.
    /// </summary>
    private static string Marker(string run, int edit) => "zzqedit" + run + Letters(edit, 3);

    private static string RunLetters() => Letters(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 1_000_000, 6);

    private static string Letters(long number, int digits) =>
        new([.. number.ToString("D" + digits, System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('a' + (d - '0')))]);

    private static async Task<bool> VisibleAsync(ITitleSearch search, string marker, string id, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var request = new SearchRequest { Query = marker, First = 5, Highlight = false };
        while (clock.Elapsed < GiveUp)
        {
            var result = await search.SearchAsync(request, cancellationToken);
            if (result.Hits.Any(h => h.TitleId == id))
                return true;
            await Task.Delay(5, cancellationToken);
        }

        return false;
    }
}
