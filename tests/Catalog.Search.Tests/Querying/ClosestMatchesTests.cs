using Catalog.Core.Titles;
using Catalog.Search.Querying;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// "Closest matches" (the seeds of related titles when a search finds few): any word may match with wider
/// typo tolerance, but a common word only as itself, and a title must hold a distinctive near word when
/// the query has one (a title sharing only head words is no close match).
/// </summary>
public sealed class ClosestMatchesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly SearchHarness harness = SearchHarness.Of(
        [
            .. Enumerable.Range(0, 70).Select(i => Titled($"love-{i}", $"Love {i}")),
            Titled("live-wire", "Live Wire"),
            Titled("zebulon", "Zebulon Rising"),
            Titled("lobster", "The Lobster"),
        ],
        Now);

    [Fact]
    public void A_common_word_matches_only_itself()
    {
        var matches = Closest("love");

        Assert.Equal(70, matches.Count);
        Assert.DoesNotContain("live-wire", matches);
    }

    [Fact]
    public void A_closest_match_holds_a_distinctive_near_word_when_the_query_has_one()
    {
        // "love" is held by 70 titles (more than the 64 a distinctive word may have), "zebulom" is one
        // edit from the only "zebulon".
        Assert.Equal(["zebulon"], Closest("love zebulom"));
    }

    [Fact]
    public void Without_a_distinctive_near_word_the_common_ones_match_alone()
    {
        var matches = Closest("love xqzt");

        Assert.Equal(70, matches.Count);
        Assert.All(matches, id => Assert.StartsWith("love-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void A_rare_word_keeps_its_wider_typo_tolerance()
    {
        Assert.Equal(["lobster"], Closest("lobstr"));
        Assert.Contains("live-wire", Closest("livr"));
    }

    public void Dispose() => harness.Dispose();

    private List<string> Closest(string text)
    {
        using var lease = harness.Index.Acquire();
        var searcher = CatalogSimilarity.Searcher(lease.Searcher);
        var reader = searcher.IndexReader;
        var query = new UserQueryBuilder(harness.Analyzers).Build(text, reader);
        var hits = searcher.Search(ClosestMatches.For(query, reader), 1000).ScoreDocs;
        return [.. hits.Select(hit => searcher.Doc(hit.Doc).Get(Schema.IndexFields.Id))];
    }

    private static Title Titled(string id, string name) =>
        new() { Id = id, Name = name, AddedAt = Now.AddDays(-30), Genres = ["Drama"] };
}
