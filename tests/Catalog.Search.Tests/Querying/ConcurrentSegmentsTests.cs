using Catalog.Core.Search;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Facets;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Sorting;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// A search whose segments several workers read, each into its own collector and facet counts, gives the page, the
/// total, the facet counts and the next page one worker gives, on a segmented index with deleted documents.
/// </summary>
public sealed class ConcurrentSegmentsTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    private static readonly string[] Vocabulary =
        ["dark", "star", "night", "river", "robot", "city", "love", "war", "time", "ann", "lee", "the", "of", "drak", "st"];

    private static readonly TitleSort[] Sorts = [TitleSort.Relevance, TitleSort.Rating, TitleSort.Popularity, TitleSort.ReleasedNewest, TitleSort.Name];

    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void Several_workers_give_the_page_total_facets_and_next_page_one_worker_gives()
    {
        using (var lease = harness.Index.Acquire())
            Assert.True(lease.Searcher.IndexReader.Leaves.Count >= 3, "the index must have segments to share out");
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var filter = random.Next(2) == 0 ? null : RandomCatalog.Filter(random);
            var sort = Sorts[random.Next(Sorts.Length)];
            var first = random.Next(1, 12);

            var (page, facets) = Run(text, filter, sort, first, after: null, workers: 1);
            var (shared, sharedFacets) = Run(text, filter, sort, first, after: null, workers: 3);

            Assert.Equal(page.TotalCount, shared.TotalCount);
            Assert.Equal(page.HasNextPage, shared.HasNextPage);
            Assert.Equal(page.Ids, shared.Ids);
            Assert.Equal(page.Hits.Select(hit => hit.Score), shared.Hits.Select(hit => hit.Score));
            Assert.Equal(Counts(facets), Counts(sharedFacets));
            if (page.Hits.Count > 0)
            {
                var next = Run(text, filter, sort, first, page.Hits[^1], workers: 1).Page;
                var sharedNext = Run(text, filter, sort, first, shared.Hits[^1], workers: 3).Page;
                Assert.Equal(next.Ids, sharedNext.Ids);
            }
        }, iter: 200);
    }

    [Fact]
    public void Several_workers_give_the_best_matches_and_count_one_worker_gives_ties_included()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var best = random.Next(1, 30);
            using var lease = harness.Index.Acquire();
            var searcher = lease.Searcher;
            var query = new UserQueryBuilder(harness.Analyzers).Build(text, searcher).Query;
            var available = DocValuesFilter.AvailableAt(FieldValues.Instant(harness.Now));

            var one = BestMatches.Of(searcher, query, available, best, workers: 1);
            var several = BestMatches.Of(searcher, query, available, best, workers: 3);

            Assert.Equal(one.Count, several.Count);
            Assert.Equal(one.Docs, several.Docs);
        }, iter: 200);
    }

    /// <summary>One pass as <c>TitleSearch</c> runs it: disjunctive facets around the page's collectors.</summary>
    private (Page Page, IReadOnlyList<FacetResult> Facets) Run(string text, TitleFilter? filter, TitleSort sort, int first, FieldDoc? after, int workers)
    {
        using var lease = harness.Index.Acquire();
        var searcher = lease.Searcher;
        var mean = searcher.CatalogMean;
        var available = DocValuesFilter.AvailableAt(FieldValues.Instant(harness.Now));
        var clauses = FilterClauses.From(filter, mean, harness.Options.Ranking.PriorVotes);
        var combined = FilterClauses.Combine(clauses, available);
        var requests = Enum.GetValues<FacetField>().Select(f => new FacetRequest(f, MaxValues: 1000)).ToList();
        var facets = new DisjunctiveFacets(searcher, clauses, available, requests, filter);
        var query = new UserQueryBuilder(harness.Analyzers).Build(text, searcher).Query;
        var order = TitleSorts.For(sort, new WeightedRatingSort(mean, harness.Options.Ranking.PriorVotes), text: true);
        var page = Paging.Run(searcher.Ranking, query, filter: null, order, first, after, facets.Around, scores: true, facets.PassFilter,
            ranked: facets.SplitsFilter ? combined : null, workers);
        return (page, facets.Results());
    }

    private static List<string> Counts(IReadOnlyList<FacetResult> facets) =>
        [.. facets.SelectMany(facet => facet.Values.Select(value => $"{facet.Field}:{value.Value}={value.Count}:{value.Selected}"))];
}
