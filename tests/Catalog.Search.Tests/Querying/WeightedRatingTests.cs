using Catalog.Core.Search;

namespace Catalog.Search.Tests.Querying;

public sealed class WeightedRatingTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void Three_perfect_votes_do_not_outrank_a_million_votes_at_eight_and_a_half()
    {
        var ids = harness.Find(null, sort: TitleSort.Rating, first: 100).Hits.Select(h => h.TitleId).ToList();

        Assert.Equal("planet-earth-2006", ids[0]);
        Assert.True(ids.IndexOf("leon-the-professional-1994") < ids.IndexOf("fresh-feature-2026"));
    }

    [Fact]
    public void Min_rating_filters_on_the_weighted_rating_not_the_mean()
    {
        var ids = harness.Ids(null, new TitleFilter { MinRating = 8.4 });

        Assert.Contains("leon-the-professional-1994", ids);
        Assert.DoesNotContain("fresh-feature-2026", ids); // mean 10, three votes: pulled to the catalog mean
    }

    [Fact]
    public void Popularity_sorts_by_votes_and_release_sorts_put_undated_titles_last()
    {
        Assert.Equal("leon-the-professional-1994", harness.Find(null, sort: TitleSort.Popularity).Hits[0].TitleId);
        var newest = harness.Find(null, sort: TitleSort.ReleasedNewest, first: 100).Hits.Select(h => h.TitleId).ToList();
        Assert.Equal("fresh-feature-2026", newest[0]);
        Assert.Equal("robots-2005", newest[newest.IndexOf("planet-earth-2006") + 1]); // year-only 2005 = 1 Jan 2005
    }
}
