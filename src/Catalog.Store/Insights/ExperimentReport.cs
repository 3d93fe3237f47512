using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Insights;

/// <summary>
/// One arm's recorded searches: click-through (searches with at least one click / searches), mean reciprocal rank of
/// the best-placed click (0 without a click) and the share of searches that found nothing, each with its 95% interval.
/// Unlike the insights totals, the rates are over all searches: a variant that finds something where control finds
/// nothing should gain, not vanish from the denominator.
/// </summary>
public sealed record ArmReport(string Arm, int Searches, int ClickedSearches, int ZeroResultSearches, Estimate ClickThroughRate, Estimate MeanReciprocalRank, Estimate ZeroResultRate);

/// <summary>Both arms and the variant-against-control tests of click-through and zero-result rate.</summary>
public sealed record ExperimentResults(ArmReport Control, ArmReport Variant, ArmComparison ClickThrough, ArmComparison ZeroResults);

public static class ExperimentReport
{
    public static async Task<ExperimentResults> ComputeAsync(CatalogDbContext db, long experimentId, CancellationToken cancellationToken)
    {
        var rows = await db.SearchEvents.AsNoTracking().Where(s => s.ExperimentId == experimentId)
            .GroupBy(s => s.Arm).Select(g => new
            {
                Arm = g.Key,
                Searches = g.Count(),
                Clicked = g.Count(s => s.ClickCount > 0),
                Zero = g.Count(s => s.ResultCount == 0),
                ReciprocalRanks = g.Sum(s => s.FirstClickPosition != null ? 1.0 / s.FirstClickPosition.Value : 0.0),
                SquaredReciprocalRanks = g.Sum(s => s.FirstClickPosition != null ? 1.0 / ((double)s.FirstClickPosition.Value * s.FirstClickPosition.Value) : 0.0),
            }).ToListAsync(cancellationToken);

        ArmReport Arm(string arm) => rows.SingleOrDefault(r => r.Arm == arm) is { } r
            ? new ArmReport(arm, r.Searches, r.Clicked, r.Zero, ExperimentStatistics.Proportion(r.Clicked, r.Searches),
                ExperimentStatistics.Mean(r.ReciprocalRanks, r.SquaredReciprocalRanks, r.Searches), ExperimentStatistics.Proportion(r.Zero, r.Searches))
            : new ArmReport(arm, 0, 0, 0, new Estimate(0, 0, 0), new Estimate(0, 0, 0), new Estimate(0, 0, 0));

        var (control, variant) = (Arm(Experiment.Control), Arm(Experiment.Variant));
        return new ExperimentResults(control, variant,
            ExperimentStatistics.TwoProportion(control.ClickedSearches, control.Searches, variant.ClickedSearches, variant.Searches, higherIsBetter: true),
            ExperimentStatistics.TwoProportion(control.ZeroResultSearches, control.Searches, variant.ZeroResultSearches, variant.Searches, higherIsBetter: false));
    }
}
