namespace Catalog.Store.Insights;

/// <summary>An estimate with its 95% confidence interval.</summary>
public sealed record Estimate(double Value, double Low, double High);

/// <summary>
/// A two-sided test of "both arms have the same rate": the z statistic (variant minus control), its p-value,
/// whether p &lt; 0.05, and the arm with the better rate when it is significant (null otherwise).
/// </summary>
public sealed record ArmComparison(double Z, double PValue, bool Significant, string? Better);

/// <summary>The textbook statistics of an A/B report (docs/insights.md, "Experiments").</summary>
public static class ExperimentStatistics
{
    public const double Z95 = 1.959963984540054;
    public const double Alpha = 0.05;

    /// <summary>Wilson score interval of <paramref name="successes"/> in <paramref name="trials"/> (good at small counts and near 0 or 1).</summary>
    public static Estimate Proportion(long successes, long trials)
    {
        if (trials == 0)
            return new Estimate(0, 0, 0);
        var n = (double)trials;
        var p = successes / n;
        var z2 = Z95 * Z95;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var margin = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return new Estimate(p, Math.Max(0, centre - margin), Math.Min(1, centre + margin));
    }

    /// <summary>
    /// Mean of values between 0 and 1 (reciprocal ranks) with a normal-approximation interval (mean ± 1.96 standard
    /// errors, clipped to 0..1), from the values' sum and sum of squares.
    /// </summary>
    public static Estimate Mean(double sum, double sumOfSquares, long count)
    {
        if (count == 0)
            return new Estimate(0, 0, 0);
        var mean = sum / count;
        var variance = count > 1 ? Math.Max(0, (sumOfSquares - (count * mean * mean)) / (count - 1)) : 0;
        var margin = Z95 * Math.Sqrt(variance / count);
        return new Estimate(mean, Math.Max(0, mean - margin), Math.Min(1, mean + margin));
    }

    /// <summary>
    /// Pooled two-proportion z-test of control (<paramref name="controlSuccesses"/> of <paramref name="controlTrials"/>)
    /// against variant. <paramref name="higherIsBetter"/> says which direction wins (click-through: higher; zero results: lower).
    /// </summary>
    public static ArmComparison TwoProportion(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, bool higherIsBetter)
    {
        if (controlTrials == 0 || variantTrials == 0)
            return new ArmComparison(0, 1, false, null);
        var (p1, p2) = ((double)controlSuccesses / controlTrials, (double)variantSuccesses / variantTrials);
        var pooled = (double)(controlSuccesses + variantSuccesses) / (controlTrials + variantTrials);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / controlTrials) + (1.0 / variantTrials)));
        if (standardError == 0)
            return new ArmComparison(0, 1, false, null);
        var z = (p2 - p1) / standardError;
        var p = 2 * (1 - NormalCdf(Math.Abs(z)));
        var significant = p < Alpha;
        var better = !significant ? null : (z > 0) == higherIsBetter ? Experiment.Variant : Experiment.Control;
        return new ArmComparison(z, p, significant, better);
    }

    /// <summary>Standard normal distribution function (erf by Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(x) / Math.Sqrt(2)));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (poly * Math.Exp(-x * x / 2));
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
