using Catalog.Core.Titles;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// The RELEVANCE rules in order (words, typos, proximity, field, exactness, popularity, id): each test pits a title
/// that wins by an earlier rule against one that would win by a later rule (more votes, above all), so it fails
/// when the later rule decides.
/// </summary>
public sealed class RankingRulesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly SearchHarness harness = SearchHarness.Of(
        [
            Titled("amelie", "Le fabuleux destin d'Amélie Poulain", votes: 500),
            Titled("amelia", "Amelia", votes: 90_000),
            Titled("king-kong-1933", "King Kong", votes: 80_000),
            Titled("king-kong-1976", "King Kong", votes: 30_000),
            Titled("king-kong-2005", "King Kong", votes: 350_000),
            Titled("the-terminator", "The Terminator", votes: 900_000),
            Titled("terminator-2", "Terminator 2: Judgment Day", votes: 1_100_000),
            Titled("terminator-salvation", "Terminator Salvation", votes: 300_000),
            Titled("bat-man", "Bat Man", votes: 400_000),
            Titled("batman", "Batman", votes: 700),
            Titled("up", "Up", votes: 900),
            Titled("up-in-the-air", "Up in the Air", votes: 40_000),
            Titled("whats-up-doc", "What's Up, Doc?", votes: 900_000),
            Titled("gladiator", "Gladiator", votes: 10),
            Titled("gladiater", "Gladiater", votes: 1_000),
            Titled("gladeater", "Gladeater", votes: 100_000),
            Titled("new-york-stories", "New York Stories", votes: 100),
            Titled("new-girl-in-old-york", "New Girl in Old York", votes: 500_000),
            Titled("marlowe", "Marlowe", votes: 5),
            Titled("the-long-goodbye", "The Long Goodbye", tags: ["marlowe"], votes: 50_000),
            Titled("farewell", "Farewell, My Lovely", synopsis: "Marlowe looks for a missing woman.", votes: 900_000),
        ],
        Now);

    [Fact]
    public void A_typo_neighbour_never_outranks_the_word_typed_even_accented_in_a_long_name()
    {
        Assert.Equal(["amelie", "amelia"], harness.Ids("amelie"));
        Assert.Equal(["amelia", "amelie"], harness.Ids("amelia"));
    }

    [Fact]
    public void An_exact_word_comes_before_one_typo_which_comes_before_two()
    {
        Assert.Equal(["gladiator", "gladiater", "gladeater"], harness.Ids("gladiator"));
    }

    [Fact]
    public void Popularity_decides_among_equal_matches_remakes_and_a_misspelt_series()
    {
        Assert.Equal(["king-kong-2005", "king-kong-1933", "king-kong-1976"], harness.Ids("king kong"));
        Assert.Equal(["terminator-2", "the-terminator", "terminator-salvation"], harness.Ids("termnator"));
    }

    [Fact]
    public void A_glued_words_match_never_outranks_a_real_word()
    {
        Assert.Equal(["batman", "bat-man"], harness.Ids("batman"));
        Assert.Equal(["bat-man", "batman"], harness.Ids("bat man"));
    }

    [Fact]
    public void The_exact_name_comes_before_a_name_starting_with_the_query_before_one_containing_it()
    {
        Assert.Equal(["up", "up-in-the-air", "whats-up-doc"], harness.Ids("up"));
    }

    [Fact]
    public void The_words_together_come_before_the_words_apart()
    {
        Assert.Equal(["new-york-stories", "new-girl-in-old-york"], harness.Ids("new york"));
    }

    [Fact]
    public void The_name_comes_before_people_and_tags_before_the_synopsis()
    {
        Assert.Equal(["marlowe", "the-long-goodbye", "farewell"], harness.Ids("marlowe"));
    }

    [Fact]
    public void Scores_only_order_relevance_the_other_sorts_are_unchanged()
    {
        var byPopularity = harness.Find("king kong", sort: Core.Search.TitleSort.Popularity).Hits.Select(h => h.TitleId);
        var byName = harness.Find("up", sort: Core.Search.TitleSort.Name).Hits.Select(h => h.TitleId);

        Assert.Equal(["king-kong-2005", "king-kong-1933", "king-kong-1976"], byPopularity);
        Assert.Equal(["up", "up-in-the-air", "whats-up-doc"], byName);
    }

    public void Dispose() => harness.Dispose();

    private static Title Titled(string id, string name, int votes, string[]? tags = null, string? synopsis = null) => new()
    {
        Id = id, Name = name, AddedAt = Now.AddDays(-30), Genres = ["Drama"], Tags = [.. tags ?? []], Synopsis = synopsis,
        RatingSum = 7.0 * votes, RatingCount = votes,
    };
}
