using Catalog.Core.Search;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Schema;
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
        "darkstar", "nightriver",
    ];

    private readonly SearchHarness harness = fixture.Harness;

    /// <summary>Under the ranking rules' unit scores (what RELEVANCE pages use) and under the TF-IDF ones (seeds of corrections).</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Random_queries_match_and_score_as_lucene_scores_them(bool rankingRules)
    {
        Gen.Int[1, 3].SelectMany(count => Gen.Int[0, Vocabulary.Length - 1].Array[count]).Sample(words =>
        {
            var text = string.Join(' ', words.Select(w => Vocabulary[w]));
            using var lease = harness.Index.Acquire();
            var searcher = rankingRules ? lease.Searcher.Ranking : lease.Searcher;
            var query = new UserQueryBuilder(harness.Analyzers).Build(text, lease.Searcher).Query;

            var expected = All(collector => searcher.Search(query, collector));
            var actual = All(collector => TermAtATimeSearch.Prepare(searcher, query)!.Search(collector, optionalScores: true));

            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (doc, score) in expected)
                Assert.Equal(score, actual[doc], Math.Abs(score) * 1e-5f);
        }, iter: 300);
    }

    [Fact]
    public void Queries_of_other_shapes_are_left_to_lucene()
    {
        using var lease = harness.Index.Acquire();
        var searcher = lease.Searcher;

        Assert.Null(TermAtATimeSearch.Prepare(searcher, new MatchAllDocsQuery()));
        Assert.Null(TermAtATimeSearch.Prepare(searcher, new PrefixQuery(new Lucene.Net.Index.Term("name", "st"))));
    }

    [Fact]
    public void Under_another_order_the_page_gets_the_scores_relevance_gives_and_the_same_titles_match()
    {
        Gen.Int[1, 3].SelectMany(count => Gen.Int[0, Vocabulary.Length - 1].Array[count]).Sample(words =>
        {
            var text = string.Join(' ', words.Select(w => Vocabulary[w]));
            var byRelevance = harness.Find(text, first: 1000, exact: true).Hits.ToDictionary(hit => hit.TitleId, hit => hit.Score);

            var byRating = harness.Find(text, sort: TitleSort.Rating, first: 1000, exact: true).Hits;

            Assert.Equal(byRelevance.Keys.Order(StringComparer.Ordinal), byRating.Select(hit => hit.TitleId).Order(StringComparer.Ordinal));
            foreach (var hit in byRating)
                Assert.Equal(byRelevance[hit.TitleId]!.Value, hit.Score!.Value, byRelevance[hit.TitleId]!.Value * 1e-5);
        }, iter: 100);
    }

    [Fact]
    public void Filtered_text_searches_find_what_lucene_finds_among_the_titles_the_filter_lets_through_with_their_scores_and_facets()
    {
        var mean = BruteForce.CatalogMean(harness.Titles);
        var priorVotes = harness.Options.Ranking.PriorVotes;
        var facets = Enum.GetValues<FacetField>().Select(f => new FacetRequest(f, MaxValues: 1000)).ToList();
        var titles = harness.Titles.ToDictionary(t => t.Id);
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var filter = RandomCatalog.Filter(random);
            var matching = LuceneMatches(text).Select(id => titles[id]).ToList();

            var result = harness.Search.SearchAsync(new SearchRequest { Query = text, Filter = filter, First = 1000, Facets = facets, Exact = true }).Get();

            var expected = matching.Where(t => BruteForce.Matches(t, filter, harness.Now, mean, priorVotes)).Select(t => t.Id);
            Assert.Equal(expected.Order(StringComparer.Ordinal), result.Hits.Select(hit => hit.TitleId).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Count(), result.TotalCount);
            var unfiltered = harness.Find(text, first: 1000, exact: true).Hits.ToDictionary(hit => hit.TitleId, hit => hit.Score!.Value);
            foreach (var hit in result.Hits)
                Assert.Equal(unfiltered[hit.TitleId], hit.Score!.Value, unfiltered[hit.TitleId] * 1e-5);
            foreach (var facet in result.Facets)
                Assert.Equal(BruteForce.Facet(matching, filter, facet.Field, harness.Now, mean, priorVotes), facet.Values.Select(v => (v.Value, v.Count)).ToList());
        }, iter: 150);
    }

    /// <summary>The ids of the titles Lucene's own scorers match for the text, available or not.</summary>
    private List<string> LuceneMatches(string text)
    {
        using var lease = harness.Index.Acquire();
        var searcher = lease.Searcher;
        var query = new UserQueryBuilder(harness.Analyzers).Build(text, searcher).Query;
        return [.. All(collector => searcher.Search(query, collector)).Keys.Select(doc => searcher.Doc(doc).Get(IndexFields.Id))];
    }

    private Dictionary<int, float> All(Action<ICollector> search)
    {
        var top = TopScoreDocCollector.Create(harness.Titles.Count * 2, false);
        search(top);
        return top.GetTopDocs().ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
    }
}
