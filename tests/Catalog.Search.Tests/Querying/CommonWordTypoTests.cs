using Catalog.Core.Titles;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// "Min typos": a word many titles hold is taken as spelled right and does not match its typo neighbours;
/// a rare or unknown word keeps its typo tolerance, in any script.
/// </summary>
public sealed class CommonWordTypoTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly SearchHarness harness = SearchHarness.Of(
        [
            .. Enumerable.Range(0, 8).Select(i => Titled($"love-{i}", $"Love {i}")),
            Titled("live-wire", "Live Wire"),
            Titled("lose-control", "Lose Control"),
            Titled("the-lobe", "The Lobe"),
            Titled("moscow", "Москва"),
            Titled("amelie", "Amélie"),
        ],
        Now);

    [Fact]
    public void A_common_word_spelled_right_does_not_match_its_typo_neighbours()
    {
        var ids = harness.Ids("love");

        Assert.Equal(8, ids.Count(id => id.StartsWith("love-", StringComparison.Ordinal)));
        Assert.DoesNotContain("live-wire", ids);
        Assert.DoesNotContain("lose-control", ids);
        Assert.DoesNotContain("the-lobe", ids);
    }

    [Fact]
    public void A_rare_word_still_matches_its_typo_neighbours()
    {
        var ids = harness.Ids("lobe");

        Assert.Equal("the-lobe", ids[0]);
        Assert.Contains("love-0", ids);
    }

    [Fact]
    public void A_word_the_index_lacks_still_matches_its_typo_neighbours()
    {
        var ids = harness.Ids("lovr");

        Assert.Equal(8, ids.Count(id => id.StartsWith("love-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Typos_are_found_in_other_scripts_and_in_folded_accented_words()
    {
        Assert.Equal("moscow", harness.Ids("Москвв").FirstOrDefault());
        Assert.Equal("amelie", harness.Ids("amelei").FirstOrDefault());
    }

    public void Dispose() => harness.Dispose();

    private static Title Titled(string id, string name) =>
        new() { Id = id, Name = name, AddedAt = Now.AddDays(-30), Genres = ["Drama"] };
}
