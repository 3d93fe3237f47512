using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Search.Tests.Querying;

namespace Catalog.Search.Tests.Relevance;

/// <summary>Each knob of an experiment's <see cref="RankingVariant"/> changes the ranking of one search, and the defaults change nothing.</summary>
public sealed class RankingVariantTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly SearchHarness harness = SearchHarness.Of(
        [
            // Equally relevant to "galaxy": many votes at a low rating, few at a high one.
            Title("galaxy-crowd", "Galaxy Crowd", votes: 90_000, rating: 5.0), Title("galaxy-gem", "Galaxy Gem", votes: 20_000, rating: 9.0),
            Title("gamma-ray", "Gamma Ray", votes: 100, rating: 6.0), Title("tremendously", "Tremendously", votes: 100, rating: 6.0),
        ],
        Now);

    public void Dispose() => harness.Dispose();

    private SearchResult Find(string query, RankingVariant ranking) =>
        harness.Search.SearchAsync(new SearchRequest { Query = query, Ranking = ranking }).GetAwaiter().GetResult();

    private static List<string> Ids(SearchResult result) => [.. result.Hits.Select(h => h.TitleId)];

    [Fact]
    public void The_default_variant_ranks_as_a_search_without_one()
    {
        foreach (var query in new[] { "galaxy", "gama", "tremendusly", "trmendusly" })
            Assert.Equal(Ids(harness.Find(query)), Ids(Find(query, RankingVariant.Default)));
    }

    [Fact]
    public void Weighted_rating_breaks_ties_between_equally_relevant_titles_instead_of_votes()
    {
        Assert.Equal(["galaxy-crowd", "galaxy-gem"], Ids(Find("galaxy", RankingVariant.Default)));
        Assert.Equal(["galaxy-gem", "galaxy-crowd"], Ids(Find("galaxy", new RankingVariant { PopularityTieBreak = PopularityTieBreak.WeightedRating })));
    }

    [Fact]
    public void Strict_typos_need_five_letters_for_one_typo_and_never_allow_two()
    {
        var strict = new RankingVariant { TypoTolerance = TypoTolerance.Strict, Fallbacks = false };
        Assert.Equal(["gamma-ray"], Ids(Find("gama", RankingVariant.Default with { Fallbacks = false })));
        Assert.Empty(Ids(Find("gama", strict)));
        Assert.Equal(["tremendously"], Ids(Find("tremendusly", strict))); // one typo, 11 letters
        Assert.Equal(["tremendously"], Ids(Find("trmendusly", RankingVariant.Default with { Fallbacks = false })));
        Assert.Empty(Ids(Find("trmendusly", strict))); // two typos
    }

    [Fact]
    public void Without_fallbacks_a_search_that_finds_nothing_is_not_corrected()
    {
        var strict = new RankingVariant { TypoTolerance = TypoTolerance.Strict };
        var corrected = Find("gama", strict);
        Assert.Equal(QueryRelaxation.Corrected, corrected.Relaxation);
        Assert.Equal(["gamma-ray"], Ids(corrected));

        var plain = Find("gama", strict with { Fallbacks = false });
        Assert.Equal(QueryRelaxation.None, plain.Relaxation);
        Assert.Equal(0, plain.TotalCount);
    }

    private static Title Title(string id, string name, int votes, double rating) => new()
    {
        Id = id, Name = name, AddedAt = Now.AddYears(-1), Genres = ["Drama"], RatingSum = rating * votes, RatingCount = votes,
    };
}
