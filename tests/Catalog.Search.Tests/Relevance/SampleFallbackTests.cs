using Catalog.Core.Search;
using Catalog.Search.Tests.Querying;

namespace Catalog.Search.Tests.Relevance;

/// <summary>Zero results are the last resort (docs/search-fallbacks.md), on the real films of the sample catalog.</summary>
public sealed class SampleFallbackTests(SampleCatalogSearch fixture) : IClassFixture<SampleCatalogSearch>
{
    private static readonly string[] NolanAndSuperHeroes =
    [
        "batman-begins-2005", "inception-2010", "insomnia-2002", "following-1999", "memento-2001", "the-prestige-2006",
        "batman-1989", "catwoman-2004", "steel-1997", "superman-iv-the-quest-for-peace-1987", "watchmen-2009",
    ];

    [Theory]
    [InlineData("amtrix")] // the first two letters swapped: one typo, like any transposition
    [InlineData("mtarix")]
    public void A_transposition_is_one_typo_wherever_it_is(string query)
    {
        var result = fixture.Harness.Find(query);

        Assert.Equal("the-matrix-1999", result.Hits[0].TitleId);
        Assert.Equal(QueryRelaxation.None, result.Relaxation);
    }

    [Fact]
    public void Typo_variants_of_a_word_the_index_holds_exactly_find_the_film_the_exact_reading_missed()
    {
        // "last" is common in names, so it is taken as spelled right and "lost" is not searched: nothing found.
        Assert.Equal(0, fixture.Harness.Find("the last world", exact: true).TotalCount);

        var result = fixture.Harness.Find("the last world");

        Assert.Equal("the-lost-world-jurassic-park-1997", result.Hits[0].TitleId);
        Assert.Equal(QueryRelaxation.TypoVariants, result.Relaxation);
        Assert.Null(result.CorrectedQuery);
    }

    [Fact]
    public void When_nothing_is_found_the_corrected_query_answers_and_says_so()
    {
        var result = fixture.Harness.Find("mad mxa");

        Assert.Equal(QueryRelaxation.Corrected, result.Relaxation);
        Assert.Equal("mad max", result.CorrectedQuery);
        Assert.Equal("mad max", result.DidYouMean);
        Assert.Contains("mad-max-1980", result.Hits.Select(h => h.TitleId));
    }

    [Fact]
    public void When_nothing_else_finds_anything_the_least_important_word_is_dropped()
    {
        var noise = fixture.Harness.Find("star trek nemesis xyzzy");
        Assert.Equal(QueryRelaxation.WordsDropped, noise.Relaxation);
        Assert.Equal("star trek nemesis", noise.CorrectedQuery);
        Assert.Equal(["star-trek-nemesis-2002"], noise.Hits.Select(h => h.TitleId));

        // Both words match titles, none both: the one fewer titles match goes, the robots stay.
        var robots = fixture.Harness.Find("robot animation");
        Assert.Equal("robot", robots.CorrectedQuery);
        Assert.Contains("robots-2005", robots.Hits.Select(h => h.TitleId));
    }

    [Fact]
    public void Exact_searches_only_the_text_typed()
    {
        var result = fixture.Harness.Find("mad mxa", exact: true);

        Assert.Equal(0, result.TotalCount);
        Assert.Equal(QueryRelaxation.None, result.Relaxation);
        Assert.Null(result.CorrectedQuery);
        Assert.Equal("mad max", result.DidYouMean);
    }

    [Fact]
    public void A_query_that_finds_plenty_runs_as_typed()
    {
        var result = fixture.Harness.Find("star trek");

        Assert.True(result.TotalCount >= 3);
        Assert.Equal(QueryRelaxation.None, result.Relaxation);
        Assert.Empty(result.RelatedTitleIds);
    }

    [Fact]
    public void A_misspelled_modern_classic_gets_only_titles_related_to_it()
    {
        var result = fixture.Harness.Find("the dark knigth");

        Assert.Equal(["the-dark-knight-2008"], result.Hits.Select(h => h.TitleId));
        Assert.NotEmpty(result.RelatedTitleIds);
        Assert.All(result.RelatedTitleIds, id => Assert.Contains(id, NolanAndSuperHeroes));
    }

    [Fact]
    public void A_nonsense_query_finds_nothing_and_no_related_titles()
    {
        var result = fixture.Harness.Find("zzqx blorf");

        Assert.Equal(0, result.TotalCount);
        Assert.Empty(result.RelatedTitleIds);
        Assert.Equal(QueryRelaxation.None, result.Relaxation);
    }
}
