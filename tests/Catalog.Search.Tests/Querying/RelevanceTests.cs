using Catalog.Core.Search;

namespace Catalog.Search.Tests.Querying;

public sealed class RelevanceTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void Robots_finds_the_available_robot_films_by_name_tag_and_synopsis()
    {
        var ids = harness.Ids("robots");

        Assert.Equal("robots-2005", ids[0]);
        Assert.Contains("i-robot-2004", ids);
        Assert.Contains("wall-e-2008", ids);
        Assert.Contains("the-terminator-1984", ids);
        Assert.Contains("short-circuit-1986", ids);
        Assert.DoesNotContain("the-robot-uprising-2027", ids);
        Assert.DoesNotContain("old-robot-show-1960", ids);
        Assert.DoesNotContain("planet-earth-2006", ids);
    }

    [Theory]
    [InlineData("robts", "robots-2005")]
    [InlineData("terminatr", "terminator-2-judgment-day-1991")] // equal typo matches: the more popular first
    [InlineData("spider man", "spider-man-2002")]
    [InlineData("spiderman", "spider-man-2002")]
    [InlineData("Spider-Man", "spider-man-2002")]
    [InlineData("mr bean", "mr-bean-1990")]
    [InlineData("mr robot", "mr-robot-2015")]
    [InlineData("leon", "leon-the-professional-1994")]
    [InlineData("termin", "terminator-2-judgment-day-1991")] // its name starts with the query
    [InlineData("wall e", "wall-e-2008")]
    [InlineData("walle", "wall-e-2008")]
    [InlineData("rowan atkinson", "mr-bean-1990")]
    [InlineData("hitman", "leon-the-professional-1994")]
    public void Typical_queries_find_the_expected_title_first(string query, string expectedFirst)
    {
        var ids = harness.Ids(query);

        Assert.NotEmpty(ids);
        Assert.Equal(expectedFirst, ids[0]);
    }

    [Fact]
    public void Name_matches_outrank_tag_matches_which_outrank_synopsis_matches()
    {
        // "robot": I, Robot has it in the name; WALL-E in its tags; Short Circuit only in its synopsis… and tags.
        var ids = harness.Ids("robot");

        Assert.True(ids.IndexOf("i-robot-2004") < ids.IndexOf("wall-e-2008"));
        Assert.Contains("mr-robot-2015", ids[..3]);
    }

    [Fact]
    public void Every_word_must_match_somewhere()
    {
        Assert.Equal(["leon-the-professional-1994"], harness.Ids("hitman new york"));
        Assert.Empty(harness.Find("hitman space", exact: true).Hits);
    }

    [Fact]
    public void Empty_query_matches_every_available_title_and_has_no_scores()
    {
        var result = harness.Find("   ", first: 100);

        Assert.Equal(12, result.TotalCount);
        Assert.All(result.Hits, h => Assert.Null(h.Score));
        Assert.Equal(result.Hits.Select(h => h.TitleId).Order(StringComparer.Ordinal), result.Hits.Select(h => h.TitleId));
    }

    [Fact]
    public void Query_and_filter_combine()
    {
        var ids = harness.Ids("robots", new TitleFilter { Genres = ["Animation"] });

        Assert.Equal(["robots-2005", "wall-e-2008"], ids.Order(StringComparer.Ordinal));
    }
}
