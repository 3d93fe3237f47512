using Catalog.Core.Ranking;

namespace Catalog.Core.Tests.Ranking;

public sealed class WilsonScoreTests
{
    [Fact]
    public void No_votes_scores_zero() => Assert.Equal(0, WilsonScore.LowerBound(0, 0));

    [Theory]
    // Reference values from the closed form with z = 1.96 (e.g. Evan Miller, "How Not To Sort By Average Rating").
    [InlineData(1, 0, 0.2065)]
    [InlineData(2, 0, 0.3424)]
    [InlineData(100, 1, 0.9460)]
    [InlineData(5, 5, 0.2366)]
    [InlineData(0, 10, 0.0)]
    public void Matches_known_values(int up, int down, double expected) =>
        Assert.Equal(expected, WilsonScore.LowerBound(up, down), 0.0001);

    [Fact]
    public void Two_of_two_ranks_below_a_hundred_of_a_hundred_and_one() =>
        Assert.True(WilsonScore.LowerBound(2, 0) < WilsonScore.LowerBound(100, 1));

    [Fact]
    public void More_evidence_at_the_same_share_ranks_higher() =>
        Assert.True(WilsonScore.LowerBound(10, 10) < WilsonScore.LowerBound(100, 100));

    [Fact]
    public void Stays_within_zero_and_the_observed_share()
    {
        for (var up = 0; up <= 30; up++)
        {
            for (var down = 0; down <= 30; down++)
            {
                if (up + down == 0)
                    continue;
                var bound = WilsonScore.LowerBound(up, down);
                Assert.InRange(bound, 0, (double)up / (up + down) + 1e-12);
            }
        }
    }

    [Fact]
    public void Negative_counts_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonScore.LowerBound(-1, 0));
}
