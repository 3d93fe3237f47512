using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// A multi-word query carries its words' phrase in name, people and tags only where the field holds every word, and
/// leaving the others out changes nothing: the same documents match with the same scores as with all three phrases.
/// </summary>
public sealed class PhraseClausesTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    private static readonly string[] PhraseFields = [IndexFields.Name, IndexFields.People, IndexFields.TagsText];

    /// <summary>Words of the random catalog's names, tags and people, and all of them with stop words and typos, so each field's phrase is often kept and often left out.</summary>
    private static readonly string[][] Pools =
    [
        ["dark", "star", "night", "river", "robot", "city", "last", "blue", "iron", "dream"],
        ["space", "heist", "noir", "love", "war", "family", "time", "travel"],
        ["ann", "lee", "chen", "park", "ross", "wood", "kay"],
        [
            "dark", "star", "night", "river", "space", "heist", "noir", "ann", "lee", "chen", "park", "ross",
            "the", "of", "a", "in", "drak", "nihgt", "darkstar",
        ],
    ];

    /// <summary>Two or three words of one pool.</summary>
    private static readonly Gen<string> Texts =
        Gen.Int[0, Pools.Length - 1].SelectMany(pool => Gen.Int[0, Pools[pool].Length - 1].Array[2, 3]
            .Select(picked => string.Join(' ', picked.Select(i => Pools[pool][i]))));

    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void A_phrase_is_kept_exactly_where_its_field_holds_every_word()
    {
        var kept = new HashSet<string>();
        var left = new HashSet<string>();
        Texts.Sample(text =>
        {
            using var lease = harness.Index.Acquire();
            var reader = lease.Searcher.IndexReader;
            var built = new UserQueryBuilder(harness.Analyzers).Build(text, lease.Searcher);
            var phrases = Phrases(built.Query);

            foreach (var field in PhraseFields)
            {
                var held = built.Words.Count > 1 && built.Words.All(word => reader.DocFreq(new Term(field, word.Term)) > 0);
                Assert.Equal(held, phrases.ContainsKey(field));
                (held ? kept : left).Add(field);
            }
        }, iter: 200);

        Assert.Equal(PhraseFields.Order(), kept.Order());
        Assert.Equal(PhraseFields.Order(), left.Order());
    }

    /// <summary>Under the ranking rules' unit scores (what RELEVANCE pages use) and under the TF-IDF ones.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Leaving_out_the_phrases_a_field_cannot_match_changes_no_match_and_no_score(bool rankingRules)
    {
        Texts.Sample(text =>
        {
            using var lease = harness.Index.Acquire();
            var searcher = rankingRules ? lease.Searcher.Ranking : lease.Searcher;
            var built = new UserQueryBuilder(harness.Analyzers).Build(text, lease.Searcher);
            var query = (BooleanQuery)built.Query;
            var withAll = (BooleanQuery)query.Clone();
            var present = Phrases(query);
            foreach (var field in PhraseFields.Where(field => built.Words.Count > 1 && !present.ContainsKey(field)))
                withAll.Add(Phrase(field, built.Words.Select(word => word.Term)), Occur.SHOULD);

            var expected = All(searcher, withAll);
            var actual = All(searcher, query);

            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (doc, score) in expected)
                Assert.Equal(score, actual[doc], Math.Abs(score) * 1e-5f);
        }, iter: 150);
    }

    /// <summary>The query's word phrases by field (the glued-words phrases have a negative boost and are not among them).</summary>
    private static Dictionary<string, PhraseQuery> Phrases(Query query) =>
        ((BooleanQuery)query).Clauses.Select(c => c.Query).OfType<PhraseQuery>().Where(p => p.Boost == RankingRules.Proximity)
            .ToDictionary(p => p.GetTerms()[0].Field);

    /// <summary>The phrase the builder adds where the field holds every word.</summary>
    private static PhraseQuery Phrase(string field, IEnumerable<string> words)
    {
        var phrase = new PhraseQuery { Slop = 1, Boost = RankingRules.Proximity };
        foreach (var word in words)
            phrase.Add(new Term(field, word));
        return phrase;
    }

    private Dictionary<int, float> All(IndexSearcher searcher, Query query)
    {
        var top = TopScoreDocCollector.Create(harness.Titles.Count * 2, false);
        searcher.Search(query, top);
        return top.GetTopDocs().ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
    }
}
