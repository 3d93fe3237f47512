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
            var actual = All(collector => Assert.True(TermAtATimeSearch.TrySearch(searcher, query, collector)));

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

        Assert.False(TermAtATimeSearch.TrySearch(searcher, new MatchAllDocsQuery(), TopScoreDocCollector.Create(1, false)));
        Assert.False(TermAtATimeSearch.TrySearch(searcher, new PrefixQuery(new Lucene.Net.Index.Term("name", "st")), TopScoreDocCollector.Create(1, false)));
    }

    private Dictionary<int, float> All(Action<ICollector> search)
    {
        var top = TopScoreDocCollector.Create(harness.Titles.Count * 2, false);
        search(top);
        return top.GetTopDocs().ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
    }
}
