using Catalog.Core.Rails;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Querying;

public sealed class RailTests(RandomCatalogFixture random) : IClassFixture<RandomCatalogFixture>
{
    public static TheoryData<int> AsOfOffsetsInDays => [0, -1, -45, -400, 30, 200];

    [Theory]
    [MemberData(nameof(AsOfOffsetsInDays))]
    public void Rail_membership_and_order_equal_the_definitions_at_several_instants(int days)
    {
        var harness = random.Harness;
        var asOf = new DateTimeOffset(harness.Now.AddDays(days).AddMinutes(days * 7));
        foreach (var rail in Enum.GetValues<Rail>())
        {
            var window = RailWindow.For(rail, asOf, harness.Options.Rails);
            var expected = harness.Titles.Where(window.Includes).Order(new RailOrdering(window.Order)).Select(t => t.Id).ToList();

            var page = harness.Search.RailAsync(new RailRequest(rail, asOf, First: 1000)).Get();

            Assert.Equal(expected, page.Hits.Select(h => h.TitleId));
            Assert.Equal(expected.Count, page.TotalCount);
        }
    }

    [Fact]
    public void A_film_from_1993_added_yesterday_is_recently_added_but_not_a_new_arrival()
    {
        var now = FixtureTitles.Now;
        var old = new Title
        {
            Id = "jurassic-1993", Name = "Jurassic Film", AddedAt = now.AddDays(-1), ReleaseDate = new DateOnly(1993, 6, 11), ReleaseYear = 1993,
        };
        var fresh = new Title
        {
            Id = "fresh-2026", Name = "Fresh", AddedAt = now.AddDays(-2), ReleaseDate = new DateOnly(2026, 8, 1), ReleaseYear = 2026,
        };
        using var harness = SearchHarness.Of([old, fresh], now);

        Assert.Equal(["jurassic-1993", "fresh-2026"], Rail(harness, Catalog.Core.Search.Rail.RecentlyAdded));
        Assert.Equal(["fresh-2026"], Rail(harness, Catalog.Core.Search.Rail.NewArrivals));
        Assert.Equal(["fresh-2026"], Rail(harness, Catalog.Core.Search.Rail.NewReleases));
    }

    [Fact]
    public void Fixture_rails_match_the_designed_cases()
    {
        using var harness = SearchHarness.Fixtures();

        Assert.Equal(["the-robot-uprising-2027"], Rail(harness, Catalog.Core.Search.Rail.ComingSoon));
        Assert.Equal(["short-circuit-1986"], Rail(harness, Catalog.Core.Search.Rail.LeavingSoon));
        Assert.Equal(["fresh-feature-2026", "leon-the-professional-1994", "planet-earth-2006"], Rail(harness, Catalog.Core.Search.Rail.RecentlyAdded));
        Assert.Equal(["fresh-feature-2026"], Rail(harness, Catalog.Core.Search.Rail.NewArrivals));
    }

    [Fact]
    public void Rails_page_by_cursor_and_reject_cursors_of_another_rail()
    {
        var harness = random.Harness;
        var all = harness.Search.RailAsync(new RailRequest(Catalog.Core.Search.Rail.RecentlyAdded, First: 1000)).Get();
        var first = harness.Search.RailAsync(new RailRequest(Catalog.Core.Search.Rail.RecentlyAdded, First: 2)).Get();
        var second = harness.Search.RailAsync(new RailRequest(Catalog.Core.Search.Rail.RecentlyAdded, First: 2, After: first.Hits[^1].Cursor)).Get();

        Assert.Equal(all.Hits.Take(4).Select(h => h.TitleId), first.Hits.Concat(second.Hits).Select(h => h.TitleId));
        Assert.Throws<InvalidCursorException>(() =>
            harness.Search.RailAsync(new RailRequest(Catalog.Core.Search.Rail.LeavingSoon, After: first.Hits[^1].Cursor)).Get());
    }

    private static List<string> Rail(SearchHarness harness, Rail rail) =>
        [.. harness.Search.RailAsync(new RailRequest(rail, First: 100)).Get().Hits.Select(h => h.TitleId)];
}
