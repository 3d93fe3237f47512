namespace Catalog.Benchmarks.Reporting;

/// <summary>Latency summary of a run (nearest-rank percentiles over every measured request).</summary>
internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max, double PerSecond)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds, TimeSpan wall)
    {
        if (milliseconds.Count == 0)
            return new Percentiles(0, 0, 0, 0, 0, 0);
        var sorted = milliseconds.Order().ToArray();
        return new Percentiles(
            sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1],
            wall.TotalSeconds > 0 ? sorted.Length / wall.TotalSeconds : 0);
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
