namespace Catalog.Core.Ranking;

/// <summary>
/// IMDb's Bayesian weighted rating: WR = v/(v+m)·R + m/(v+m)·C. A title with few votes is pulled
/// towards the catalog mean C, so three 10/10 votes cannot outrank 100,000 votes at 8.9.
/// </summary>
public static class WeightedRating
{
    /// <summary>C while nobody has voted on any title.</summary>
    public const double EmptyCatalogMean = 0;

    /// <summary>C, the mean of every vote in the catalog: the sum of all titles' rating sums over the sum of their vote counts.</summary>
    public static double CatalogMean(double ratingSum, long votes) => votes > 0 ? ratingSum / votes : EmptyCatalogMean;

    /// <param name="mean">R, the title's mean rating (ignored when <paramref name="votes"/> is 0).</param>
    /// <param name="votes">v, the title's vote count.</param>
    /// <param name="catalogMean">C, the mean rating across the catalog.</param>
    /// <param name="priorVotes">m, how many votes at C every title is assumed to start with.</param>
    public static double Compute(double mean, long votes, double catalogMean, double priorVotes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(votes);
        ArgumentOutOfRangeException.ThrowIfNegative(priorVotes);
        if (votes == 0)
            return catalogMean;
        var v = (double)votes;
        return (v / (v + priorVotes) * mean) + (priorVotes / (v + priorVotes) * catalogMean);
    }
}
