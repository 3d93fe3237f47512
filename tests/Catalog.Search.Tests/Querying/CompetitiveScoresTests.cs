using Catalog.Search.Querying.Execution;
using CsCheck;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// A first page in relevance order reads the phrase and exact-name boosts only for titles that can still reach it
/// (<see cref="Catalog.Search.Querying.Execution.CompetitiveScores"/>). The titles here are named by three to five of a few words in any order, so the
/// two words of a query match most titles and the phrase boost (never an exact name), which depends on the order, decides the page
/// with the length norm. The titles are indexed in random order, so ties do not follow the segments. Hits that cannot reach
/// the page are not handed to the page's collector but still counted.
/// </summary>
public sealed class CompetitiveScoresTests : IDisposable
{
    private static readonly string[] Words = ["dark", "star", "night", "river"];

    private readonly SearchHarness harness;

    public CompetitiveScoresTests()
    {
        var random = new Random(20261126);
        var titles = RandomCatalog.Titles(400, seed: 7);
        foreach (var title in titles)
            title.Name = string.Join(' ', Enumerable.Range(0, random.Next(3, 6)).Select(_ => Words[random.Next(Words.Length)]));
        harness = SearchHarness.Segmented([.. titles.OrderBy(_ => random.Next())], RandomCatalog.Now, segmentSize: 40);
    }

    [Fact]
    public void A_first_page_by_relevance_holds_the_best_titles_with_their_full_scores_and_counts_every_title()
    {
        Gen.Int[0, Words.Length - 1].Array[2].Select(Gen.Int[1, 8]).Sample((words, first) =>
        {
            var text = string.Join(' ', words.Select(w => Words[w]));
            var all = harness.Find(text, first: 1000);

            var page = harness.Find(text, first: first);

            Assert.Equal(all.Hits.Take(first).Select(hit => (hit.TitleId, hit.Score)), page.Hits.Select(hit => (hit.TitleId, hit.Score)));
            Assert.Equal(all.TotalCount, page.TotalCount);
            Assert.Equal(all.TotalCount > first, page.HasNextPage);
        }, iter: 200);
    }

    public void Dispose() => harness.Dispose();
}
