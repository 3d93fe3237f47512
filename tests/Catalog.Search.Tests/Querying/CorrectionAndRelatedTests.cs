using Catalog.Core.Search;

namespace Catalog.Search.Tests.Querying;

public sealed class CorrectionAndRelatedTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void A_misspelling_that_finds_little_gets_a_correction_that_finds_more()
    {
        // The typo finds the titles tagged family; the correction also matches synopses (stemmed) and
        // prefixes. ("robts" no longer serves: "robots" is common in the fixtures, so it is taken as spelled
        // right and matches no "robot" typo neighbour, and its correction finds the same titles as the typo.)
        var result = harness.Find("famly");

        Assert.Equal("family", result.DidYouMean);
        Assert.True(harness.Find(result.DidYouMean).TotalCount > result.TotalCount);
    }

    [Fact]
    public void No_correction_when_every_word_is_known_or_the_correction_finds_no_more()
    {
        Assert.Null(harness.Find("robots").DidYouMean);
        Assert.Null(harness.Find("termin").DidYouMean);
        Assert.Null(harness.Find("schwarzeneger hamiltn").DidYouMean); // the typos already find both films
    }

    [Fact]
    public void Related_titles_come_separately_when_results_are_few()
    {
        var result = harness.Find("judgment day");

        Assert.Equal(["terminator-2-judgment-day-1991"], result.Hits.Select(h => h.TitleId));
        Assert.DoesNotContain("terminator-2-judgment-day-1991", result.RelatedTitleIds);
        Assert.Contains("the-terminator-1984", result.RelatedTitleIds); // same director, cast and tags
    }

    [Fact]
    public void Related_titles_share_more_than_a_passing_tag_with_the_match()
    {
        // Spider-Man shares only the "new york" tag with Léon: a stranger, not a related title.
        var result = harness.Find("hitman");

        Assert.Equal(["leon-the-professional-1994"], result.Hits.Select(h => h.TitleId));
        Assert.DoesNotContain("spider-man-2002", result.RelatedTitleIds);
    }

    [Fact]
    public void A_query_no_reading_finds_gets_neither_hits_nor_related_titles()
    {
        var result = harness.Find("zzqx blorf");

        Assert.Empty(result.Hits);
        Assert.Equal(0, result.TotalCount);
        Assert.Empty(result.RelatedTitleIds);
    }

    [Fact]
    public void Many_results_mean_no_related_titles()
    {
        Assert.Empty(harness.Find("robots").RelatedTitleIds);
        Assert.Empty(harness.Find(null).RelatedTitleIds);
    }

    [Fact]
    public void Similar_titles_share_tags_genres_and_people_and_exclude_the_title_itself()
    {
        var similar = harness.Search.SimilarAsync("the-terminator-1984", 5).Get();

        Assert.Equal("terminator-2-judgment-day-1991", similar[0]);
        Assert.DoesNotContain("the-terminator-1984", similar);
        Assert.Empty(harness.Search.SimilarAsync("no-such-title", 5).Get());
    }

    [Fact]
    public void Suggestions_cover_titles_tags_people_and_genres_as_you_type()
    {
        var terminator = harness.Search.SuggestAsync("termin", 8).Get();
        Assert.Equal(SuggestionKind.Title, terminator[0].Kind);
        Assert.StartsWith("the-terminator", terminator.First(s => s.Kind == SuggestionKind.Title && s.Text == "The Terminator").TitleId);

        Assert.Contains(harness.Search.SuggestAsync("arnold", 8).Get(), s => s is { Kind: SuggestionKind.Person, Text: "Arnold Schwarzenegger" });
        Assert.Contains(harness.Search.SuggestAsync("time tr", 8).Get(), s => s is { Kind: SuggestionKind.Tag, Text: "time travel" });
        Assert.Contains(harness.Search.SuggestAsync("anim", 8).Get(), s => s is { Kind: SuggestionKind.Genre, Text: "Animation" });
        var robots = harness.Search.SuggestAsync("robots", 8).Get();
        Assert.Equal(robots.Count, robots.Distinct().Count());
        Assert.Contains(robots, s => s is { Kind: SuggestionKind.Tag, Text: "robots" });
    }

    [Fact]
    public void Tags_and_genres_count_available_titles()
    {
        var tags = harness.Search.TagsAsync(null, 3).Get();
        Assert.Equal(new FacetValue("robots", 6, false), tags[0]);
        Assert.Equal(3, tags.Count);
        Assert.Equal(["new york"], harness.Search.TagsAsync("NEW", 10).Get().Select(t => t.Value));

        var genres = harness.Search.GenresAsync().Get();
        Assert.Equal(new FacetValue("Sci-Fi", 5, false), genres[0]);
    }
}
