using Catalog.Store.Insights;

namespace Catalog.Store.Tests.Insights;

/// <summary>The report's statistics against values worked out by hand (and R's prop.test without continuity correction).</summary>
public sealed class ExperimentStatisticsTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.0, 0.158655254)]
    [InlineData(3.0, 0.998650102)]
    public void The_normal_distribution_function_is_accurate_to_seven_places(double x, double expected) =>
        Assert.Equal(expected, ExperimentStatistics.NormalCdf(x), 6);

    [Fact]
    public void The_pooled_two_proportion_test_gives_z_and_the_two_sided_p_value()
    {
        // 20% against 25% of 1000 each: pooled 22.5%, standard error 0.018675, z = 2.6774, p = 0.00742.
        var test = ExperimentStatistics.TwoProportion(200, 1000, 250, 1000, higherIsBetter: true);
        Assert.Equal(2.6774, test.Z, 3);
        Assert.Equal(0.00742, test.PValue, 4);
        Assert.True(test.Significant);
        Assert.Equal(Experiment.Variant, test.Better);

        Assert.Equal(Experiment.Control, ExperimentStatistics.TwoProportion(200, 1000, 250, 1000, higherIsBetter: false).Better);
        var close = ExperimentStatistics.TwoProportion(200, 1000, 215, 1000, higherIsBetter: true);
        Assert.False(close.Significant);
        Assert.Null(close.Better);
        Assert.Equal(1, ExperimentStatistics.TwoProportion(0, 10, 0, 10, higherIsBetter: true).PValue);
        Assert.False(ExperimentStatistics.TwoProportion(5, 10, 0, 0, higherIsBetter: true).Significant);
    }

    [Fact]
    public void Proportions_have_wilson_intervals_and_means_normal_ones_within_zero_and_one()
    {
        var none = ExperimentStatistics.Proportion(0, 10);
        Assert.Equal((0.0, 0.0), (none.Value, none.Low));
        Assert.Equal(0.2775, none.High, 4);
        var half = ExperimentStatistics.Proportion(50, 100);
        Assert.Equal(0.4038, half.Low, 4);
        Assert.Equal(0.5962, half.High, 4);

        // Reciprocal ranks 1, 1, 0.5, 0: mean 0.625, sample sd 0.4787, margin 1.96 * 0.4787 / 2 = 0.4691.
        var mean = ExperimentStatistics.Mean(2.5, 2.25, 4);
        Assert.Equal(0.625, mean.Value, 6);
        Assert.Equal(0.1559, mean.Low, 3);
        Assert.Equal(1.0, mean.High, 6); // 1.094 clipped
    }
}
