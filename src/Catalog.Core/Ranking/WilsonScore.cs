namespace Catalog.Core.Ranking;

/// <summary>
/// Lower bound of the Wilson score interval for the share of positive votes: a review with 2 of 2
/// helpful votes ranks below one with 100 of 101, because two votes prove little.
/// </summary>
public static class WilsonScore
{
    /// <summary>z for a 95% two-sided confidence interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static double LowerBound(long positive, long negative, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positive);
        ArgumentOutOfRangeException.ThrowIfNegative(negative);
        var n = (double)(positive + negative);
        if (n == 0)
            return 0;
        var p = positive / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        // Clamped: at p = 0 rounding can leave a tiny negative where the exact bound is 0.
        return Math.Max(0, (centre - margin) / (1 + (z2 / n)));
    }
}
