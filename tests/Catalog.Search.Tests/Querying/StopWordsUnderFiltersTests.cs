using Catalog.Core.Search;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// A query of stop words only, under a filter, finds exactly what Lucene finds among the titles the filter lets
/// through, with the unfiltered scores, on a segmented catalog where stop words are in most names (the random catalog
/// of the other tests has none, so its stop-word queries match nothing).
/// </summary>
public sealed class StopWordsUnderFiltersTests : IDisposable
{
    private static readonly string[] Texts = ["the", "of", "the of", "in the", "of the in", "the a", "a"];

    /// <summary>The random catalog's titles renamed so stop words are in most names (few in some segments, many in others).</summary>
    private readonly SearchHarness harness = SearchHarness.Segmented(
        [.. RandomCatalog.Titles(240, seed: 20261203).Select((title, i) =>
        {
            title.Name = (i % 5) switch
            {
                0 => title.Name,
                1 => $"The {title.Name}",
                2 => $"{title.Name} of the Night",
                _ => $"The Last of the {title.Name} in a City",
            };
            return title;
        })],
        RandomCatalog.Now,
        segmentSize: 60);

    [Fact]
    public void Stop_words_under_random_filters_find_what_lucene_finds_among_the_filtered_titles_with_their_scores()
    {
        var mean = BruteForce.CatalogMean(harness.Titles);
        var priorVotes = harness.Options.Ranking.PriorVotes;
        var titles = harness.Titles.ToDictionary(t => t.Id);
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = Texts[random.Next(Texts.Length)];
            var filter = RandomCatalog.Filter(random);

            var result = harness.Search.SearchAsync(new SearchRequest { Query = text, Filter = filter, First = 1000, Exact = true }).Get();

            var expected = LuceneMatches(text).Where(id => BruteForce.Matches(titles[id], filter, harness.Now, mean, priorVotes));
            Assert.Equal(expected.Order(StringComparer.Ordinal), result.Hits.Select(hit => hit.TitleId).Order(StringComparer.Ordinal));
            var unfiltered = harness.Find(text, first: 1000, exact: true).Hits.ToDictionary(hit => hit.TitleId, hit => hit.Score!.Value);
            foreach (var hit in result.Hits)
                Assert.Equal(unfiltered[hit.TitleId], hit.Score!.Value, unfiltered[hit.TitleId] * 1e-5);
        }, iter: 200);
    }

    /// <summary>The ids of the titles Lucene's own scorers match for the text, available or not.</summary>
    private List<string> LuceneMatches(string text)
    {
        using var lease = harness.Index.Acquire();
        var searcher = lease.Searcher;
        var query = new UserQueryBuilder(harness.Analyzers).Build(text, searcher).Query;
        var top = TopScoreDocCollector.Create(harness.Titles.Count * 2, false);
        searcher.Search(query, top);
        return [.. top.GetTopDocs().ScoreDocs.Select(hit => searcher.Doc(hit.Doc).Get(IndexFields.Id))];
    }

    public void Dispose() => harness.Dispose();
}
