using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Search.Tests.Querying;

namespace Catalog.Search.Tests.Relevance;

/// <summary>The typo-variants fallback on a hand-made catalog where "last" is a common word (five names hold it).</summary>
public sealed class TypoVariantTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly SearchHarness harness = SearchHarness.Of(
        [
            Title("the-last-samurai", "The Last Samurai", 900), Title("last-action-hero", "Last Action Hero", 800),
            Title("the-last-emperor", "The Last Emperor", 700), Title("last-tango", "Last Tango in Paris", 600),
            Title("the-last-waltz", "The Last Waltz", 500), Title("last-world-cup", "The Last World Cup", 10),
            Title("the-lost-world", "The Lost World", 100_000), Title("lost-world-tour", "Lost World Tour", 50_000),
        ],
        Now);

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Few_exact_matches_are_followed_by_the_typo_variants_of_a_common_word_never_preceded()
    {
        var result = harness.Find("last world");

        Assert.Equal(QueryRelaxation.TypoVariants, result.Relaxation);
        Assert.Equal("last-world-cup", result.Hits[0].TitleId); // exact, though far less voted for than the others
        Assert.Equal(["lost-world-tour", "the-lost-world"], result.Hits.Skip(1).Select(h => h.TitleId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_fallbacks_off_a_common_word_has_no_typo_variants()
    {
        var result = harness.Find("last world", exact: true);

        Assert.Equal(["last-world-cup"], result.Hits.Select(h => h.TitleId));
    }

    [Fact]
    public void Very_little_is_configurable()
    {
        harness.Options.Fallbacks.FewResults = 1;

        // One exact match is not "very little" any more: no fallback runs.
        Assert.Equal(["last-world-cup"], harness.Find("last world").Hits.Select(h => h.TitleId));
    }

    private static Title Title(string id, string name, int votes) => new()
    {
        Id = id, Name = name, AddedAt = Now.AddYears(-1), Genres = ["Drama"], RatingSum = 7.0 * votes, RatingCount = votes,
    };
}
