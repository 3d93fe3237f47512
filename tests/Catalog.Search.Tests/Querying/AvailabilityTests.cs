using Catalog.Core.Search;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Querying;

public sealed class AvailabilityTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private const string Coming = "the-robot-uprising-2027";
    private const string Expired = "old-robot-show-1960";

    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void Unavailable_titles_never_appear_in_search_suggest_counts_or_similar()
    {
        Assert.DoesNotContain(Coming, harness.Ids("robot uprising"));
        Assert.DoesNotContain(Expired, harness.Ids("old robot show"));
        Assert.DoesNotContain(harness.Search.SuggestAsync("old robot", 10).Get(), s => s.TitleId == Expired);
        Assert.DoesNotContain(harness.Search.SuggestAsync("the robot up", 10).Get(), s => s.TitleId == Coming);
        Assert.Equal(6, harness.Search.TagsAsync("robots", 10).Get().Single().Count);
        Assert.DoesNotContain(Coming, harness.Search.SimilarAsync("i-robot-2004", 20).Get());
        Assert.DoesNotContain(Expired, harness.Search.SimilarAsync("i-robot-2004", 20).Get());
        Assert.DoesNotContain(Coming, harness.Find("robot uprising").RelatedTitleIds);
    }

    [Fact]
    public void The_clock_decides_availability()
    {
        var later = harness.At(FixtureTitles.Now.AddDays(21));
        var ids = later.SearchAsync(new SearchRequest { Query = "robot uprising" }).Get().Hits.Select(h => h.TitleId);

        Assert.Contains(Coming, ids);
        var earlier = harness.At(FixtureTitles.Now.AddDays(-2));
        Assert.Contains(Expired, earlier.SearchAsync(new SearchRequest { Query = "old robot show" }).Get().Hits.Select(h => h.TitleId));
    }
}
