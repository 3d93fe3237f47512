using Catalog.Search.Querying;
using CsCheck;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// The term-at-a-time evaluation of relevance queries finds exactly the documents Lucene's scorers find,
/// with the same scores (up to float rounding from adding in another order), on a segmented index with
/// deleted documents, for random queries: words of names, tags and people, typos, prefixes, stop words.
/// </summary>
public sealed class TermAtATimeSearchTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    private static readonly string[] Vocabulary =
    [
        "dark", "star", "night", "river", "robot", "city", "last", "blue", "iron", "dream",
        "robots", "space", "heist", "love", "war", "family", "time", "travel", "noir",
        "ann", "lee", "chen", "park", "ross", "wood", "kay",
        "the", "of", "a", "in",
        "drak", "nihgt", "robt", "spce", "famly", "dre", "ri", "st", "tim",
    ];

    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void Random_queries_match_and_score_as_lucene_scores_them()
    {
        Gen.Int[1, 3].SelectMany(count => Gen.Int[0, Vocabulary.Length - 1].Array[count]).Sample(words =>
        {
            var text = string.Join(' ', words.Select(w => Vocabulary[w]));
            using var lease = harness.Index.Acquire();
            var searcher = CatalogSimilarity.Searcher(lease.Searcher);
            var query = new UserQueryBuilder(harness.Analyzers).Build(text, searcher.IndexReader).Query;

            var expected = All(collector => searcher.Search(query, collector));
            var actual = All(collector => TermAtATimeSearch.Prepare(searcher, query)!.Search(collector, optionalScores: true));

            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (doc, score) in expected)
                Assert.Equal(score, actual[doc], score * 1e-5f);
        }, iter: 300);
    }

    [Fact]
    public void Queries_of_other_shapes_are_left_to_lucene()
    {
        using var lease = harness.Index.Acquire();
        var searcher = CatalogSimilarity.Searcher(lease.Searcher);

        Assert.Null(TermAtATimeSearch.Prepare(searcher, new MatchAllDocsQuery()));
        Assert.Null(TermAtATimeSearch.Prepare(searcher, new PrefixQuery(new Lucene.Net.Index.Term("name", "st"))));
    }

    [Fact]
    public void Under_another_order_the_page_gets_the_scores_relevance_gives_and_the_same_titles_match()
    {
        Gen.Int[1, 3].SelectMany(count => Gen.Int[0, Vocabulary.Length - 1].Array[count]).Sample(words =>
        {
            var text = string.Join(' ', words.Select(w => Vocabulary[w]));
            var byRelevance = harness.Find(text, first: 1000).Hits.ToDictionary(hit => hit.TitleId, hit => hit.Score);

            var byRating = harness.Find(text, sort: Catalog.Core.Search.TitleSort.Rating, first: 1000).Hits;

            Assert.Equal(byRelevance.Keys.Order(StringComparer.Ordinal), byRating.Select(hit => hit.TitleId).Order(StringComparer.Ordinal));
            foreach (var hit in byRating)
                Assert.Equal(byRelevance[hit.TitleId]!.Value, hit.Score!.Value, byRelevance[hit.TitleId]!.Value * 1e-5);
        }, iter: 100);
    }

    private Dictionary<int, float> All(Action<ICollector> search)
    {
        var top = TopScoreDocCollector.Create(harness.Titles.Count * 2, false);
        search(top);
        return top.GetTopDocs().ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
    }
}
