using Catalog.Core.Ranking;

namespace Catalog.Core.Tests.Ranking;

public sealed class WeightedRatingTests
{
    private const double CatalogMean = 6.9;
    private const double PriorVotes = 1000;

    [Fact]
    public void Three_perfect_votes_rank_below_a_hundred_thousand_votes_at_eight_point_nine()
    {
        var fewPerfect = WeightedRating.Compute(10, 3, CatalogMean, PriorVotes);
        var manyGood = WeightedRating.Compute(8.9, 100_000, CatalogMean, PriorVotes);
        Assert.True(fewPerfect < manyGood, $"{fewPerfect} should be below {manyGood}");
    }

    [Fact]
    public void Matches_the_imdb_formula()
    {
        // v = 1000, m = 1000: halfway between R = 8 and C = 6.9.
        Assert.Equal(7.45, WeightedRating.Compute(8, 1000, CatalogMean, PriorVotes), 10);
        // v = 3000, m = 1000: 3/4·9 + 1/4·6.9.
        Assert.Equal(8.475, WeightedRating.Compute(9, 3000, CatalogMean, PriorVotes), 10);
    }

    [Fact]
    public void No_votes_gives_the_catalog_mean() =>
        Assert.Equal(CatalogMean, WeightedRating.Compute(0, 0, CatalogMean, PriorVotes));

    [Fact]
    public void Zero_prior_gives_the_plain_mean() =>
        Assert.Equal(9.5, WeightedRating.Compute(9.5, 2, CatalogMean, 0));

    [Fact]
    public void Tends_to_the_title_mean_as_votes_grow()
    {
        var previous = WeightedRating.Compute(9, 1, CatalogMean, PriorVotes);
        foreach (var votes in new[] { 10, 100, 1_000, 10_000, 1_000_000 })
        {
            var current = WeightedRating.Compute(9, votes, CatalogMean, PriorVotes);
            Assert.True(current > previous);
            Assert.True(current < 9);
            previous = current;
        }
    }

    [Fact]
    public void The_catalog_mean_is_every_vote_averaged_and_the_empty_mean_without_votes()
    {
        Assert.Equal(7.5, WeightedRating.CatalogMean(ratingSum: (8.0 * 30) + (6.0 * 10), votes: 40), 10);
        Assert.Equal(WeightedRating.EmptyCatalogMean, WeightedRating.CatalogMean(0, 0));
    }
}
