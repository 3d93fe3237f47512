using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Insights;

/// <summary>A query text with its searches in the report's range.</summary>
public sealed record QueryInsight(string Query, int Searches, int ZeroResultSearches, int ClickedSearches, DateTime LastSeen);

/// <summary>
/// Totals of a set of searches. Click-through rate and mean reciprocal rank are over the searches that showed at
/// least one result (a search with no click counts 0 toward the rank); latencies are nearest-rank percentiles.
/// </summary>
public sealed record SearchTotals(
    int Searches, int ZeroResultSearches, int CorrectedSearches, int Clicks, double ClickThroughRate, double MeanReciprocalRank,
    double LatencyP50Ms, double LatencyP95Ms);

public sealed record DayInsight(DateOnly Day, SearchTotals Totals);

public sealed record SearchInsightsReport(
    DateOnly From, DateOnly To, SearchTotals Totals, IReadOnlyList<QueryInsight> TopQueries,
    IReadOnlyList<QueryInsight> ZeroResultQueries, IReadOnlyList<QueryInsight> NoClickQueries, IReadOnlyList<DayInsight> Days);

/// <summary>What curators learn from the recorded searches of a range of UTC days (both ends included).</summary>
public static class InsightsReport
{
    public const int MaxDays = 366;

    /// <summary>Why <paramref name="from"/>..<paramref name="to"/> cannot be reported, or null when it can.</summary>
    public static string? RangeProblem(DateOnly from, DateOnly to) =>
        to < from ? $"'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd})."
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? $"The range covers {to.DayNumber - from.DayNumber + 1} days; at most {MaxDays} are reported at once."
        : null;

    public static async Task<SearchInsightsReport> ComputeAsync(CatalogDbContext db, DateOnly from, DateOnly to, int first, CancellationToken cancellationToken)
    {
        var inRange = db.SearchEvents.AsNoTracking().Where(s => s.Day >= from && s.Day <= to);
        var withText = inRange.Where(s => s.Query != "");
        var top = await QueriesAsync(withText, first, cancellationToken);
        var zero = await QueriesAsync(withText.Where(s => s.ResultCount == 0), first, cancellationToken);
        var noClicks = await QueriesAsync(withText.Where(s => s.ResultCount > 0), first, cancellationToken, unclickedOnly: true);

        var days = new List<DayInsight>();
        foreach (var day in await inRange.Select(s => s.Day).Distinct().OrderBy(d => d).ToListAsync(cancellationToken))
            days.Add(new DayInsight(day, await TotalsAsync(inRange.Where(s => s.Day == day), cancellationToken)));
        return new SearchInsightsReport(from, to, await TotalsAsync(inRange, cancellationToken), top, zero, noClicks, days);
    }

    private static async Task<IReadOnlyList<QueryInsight>> QueriesAsync(
        IQueryable<SearchEvent> searches, int first, CancellationToken cancellationToken, bool unclickedOnly = false)
    {
        var grouped = searches.GroupBy(s => s.Query).Select(g => new
        {
            Query = g.Key,
            Searches = g.Count(),
            Zero = g.Count(s => s.ResultCount == 0),
            Clicked = g.Count(s => s.ClickCount > 0),
            LastSeen = g.Max(s => s.At),
        });
        if (unclickedOnly)
            grouped = grouped.Where(g => g.Clicked == 0);
        var rows = await grouped.OrderByDescending(g => g.Searches).ThenBy(g => g.Query).Take(first).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new QueryInsight(r.Query, r.Searches, r.Zero, r.Clicked, r.LastSeen))];
    }

    private static async Task<SearchTotals> TotalsAsync(IQueryable<SearchEvent> searches, CancellationToken cancellationToken)
    {
        var sums = await searches.GroupBy(_ => 1).Select(g => new
        {
            Searches = g.Count(),
            Zero = g.Count(s => s.ResultCount == 0),
            Corrected = g.Count(s => s.Corrected),
            Clicks = g.Sum(s => s.ClickCount),
            Clicked = g.Count(s => s.ResultCount > 0 && s.ClickCount > 0),
            ReciprocalRanks = g.Sum(s => s.ResultCount > 0 && s.FirstClickPosition != null ? 1.0 / s.FirstClickPosition.Value : 0.0),
        }).SingleOrDefaultAsync(cancellationToken);
        if (sums is null)
            return new SearchTotals(0, 0, 0, 0, 0, 0, 0, 0);
        var shown = sums.Searches - sums.Zero;
        return new SearchTotals(
            sums.Searches, sums.Zero, sums.Corrected, sums.Clicks,
            shown == 0 ? 0 : (double)sums.Clicked / shown, shown == 0 ? 0 : sums.ReciprocalRanks / shown,
            await PercentileAsync(searches, sums.Searches, 0.50, cancellationToken),
            await PercentileAsync(searches, sums.Searches, 0.95, cancellationToken));
    }

    /// <summary>Nearest rank: the smallest latency with at least <paramref name="share"/> of the searches at or below it.</summary>
    private static Task<double> PercentileAsync(IQueryable<SearchEvent> searches, int count, double share, CancellationToken cancellationToken) =>
        searches.OrderBy(s => s.LatencyMs).Skip(Math.Max(0, (int)Math.Ceiling(share * count) - 1)).Select(s => s.LatencyMs).FirstAsync(cancellationToken);
}
