using Catalog.Core.Search;
using CsCheck;

namespace Catalog.Search.Tests.Querying;

public sealed class FilterAndFacetPropertyTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    private double Mean => BruteForce.CatalogMean(harness.Titles);

    private double PriorVotes => harness.Options.Ranking.PriorVotes;

    [Fact]
    public void The_index_under_test_has_several_segments_and_deleted_documents()
    {
        using var lease = harness.Index.Acquire();

        Assert.True(lease.Searcher.IndexReader.Leaves.Count > 3);
        Assert.True(lease.Searcher.IndexReader.HasDeletions);
    }

    [Fact]
    public void Filtered_hits_equal_brute_force_for_random_filters()
    {
        Gen.Int.Sample(seed =>
        {
            var filter = RandomCatalog.Filter(new Random(seed));
            var expected = harness.Titles
                .Where(t => BruteForce.Matches(t, filter, harness.Now, Mean, PriorVotes))
                .Select(t => t.Id).Order(StringComparer.Ordinal).ToList();

            var result = harness.Search.SearchAsync(new SearchRequest { Filter = filter, First = 1000 }).Get();

            Assert.Equal(expected.Count, result.TotalCount);
            Assert.Equal(expected, result.Hits.Select(h => h.TitleId));
        }, iter: 150);
    }

    [Fact]
    public void Facet_counts_equal_brute_force_disjunctive_counts_for_random_filters()
    {
        var allFacets = Enum.GetValues<FacetField>().Select(f => new FacetRequest(f, MaxValues: 1000)).ToList();
        Gen.Int.Sample(seed =>
        {
            var filter = RandomCatalog.Filter(new Random(seed));

            var result = harness.Search.SearchAsync(new SearchRequest { Filter = filter, First = 0, Facets = allFacets }).Get();

            foreach (var facet in result.Facets)
            {
                var expected = BruteForce.Facet(harness.Titles, filter, facet.Field, harness.Now, Mean, PriorVotes);
                Assert.Equal(expected, facet.Values.Select(v => (v.Value, v.Count)).ToList());
            }
        }, iter: 150);
    }

    [Fact]
    public void A_facet_cut_short_shows_the_brute_force_first_values()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var filter = RandomCatalog.Filter(random);
            var maxValues = random.Next(1, 6);
            var facets = Enum.GetValues<FacetField>().Select(f => new FacetRequest(f, MaxValues: maxValues)).ToList();

            var result = harness.Search.SearchAsync(new SearchRequest { Filter = filter, First = 0, Facets = facets }).Get();

            foreach (var facet in result.Facets)
            {
                var expected = BruteForce.Facet(harness.Titles, filter, facet.Field, harness.Now, Mean, PriorVotes).Take(maxValues);
                Assert.Equal(expected, facet.Values.Select(v => (v.Value, v.Count)));
            }
        }, iter: 100);
    }

    [Fact]
    public void Selecting_a_genre_still_counts_the_other_genres()
    {
        var filter = new TitleFilter { Genres = ["Comedy"] };

        var result = harness.Search.SearchAsync(new SearchRequest
        {
            Filter = filter, First = 0, Facets = [new FacetRequest(FacetField.Genre), new FacetRequest(FacetField.Kind)],
        }).Get();

        var genres = result.Facets.Single(f => f.Field == FacetField.Genre).Values;
        Assert.True(genres.Count > 1);
        Assert.True(genres.Single(v => v.Value == "Comedy").Selected);
        Assert.All(genres.Where(v => v.Value != "Comedy"), v => Assert.False(v.Selected));
        var kinds = result.Facets.Single(f => f.Field == FacetField.Kind).Values;
        Assert.Equal(result.TotalCount, kinds.Sum(v => v.Count));
    }

    [Fact]
    public void Tag_facet_can_be_searched_by_prefix_and_limited()
    {
        var result = harness.Search.SearchAsync(new SearchRequest
        {
            First = 0, Facets = [new FacetRequest(FacetField.Tag, Prefix: "T"), new FacetRequest(FacetField.Genre, MaxValues: 2)],
        }).Get();

        Assert.Equal(["time travel"], result.Facets[0].Values.Select(v => v.Value));
        Assert.Equal(2, result.Facets[1].Values.Count);
    }

    [Fact]
    public void Every_sort_equals_a_brute_force_ordering_of_the_filtered_set()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var filter = random.Next(2) == 0 ? new TitleFilter() : RandomCatalog.Filter(random);
            foreach (var sort in Enum.GetValues<TitleSort>())
            {
                var expected = harness.Titles
                    .Where(t => BruteForce.Matches(t, filter, harness.Now, Mean, PriorVotes))
                    .Order(BruteForce.Order(sort, Mean, PriorVotes))
                    .Select(t => t.Id).ToList();

                var result = harness.Search.SearchAsync(new SearchRequest { Filter = filter, Sort = sort, First = 1000 }).Get();

                Assert.Equal(expected, result.Hits.Select(h => h.TitleId));
            }
        }, iter: 20);
    }

    [Theory]
    [InlineData(TitleSort.Relevance, "robot")]
    [InlineData(TitleSort.Relevance, null)]
    [InlineData(TitleSort.Rating, null)]
    [InlineData(TitleSort.Name, "star")]
    [InlineData(TitleSort.ReleasedOldest, null)]
    [InlineData(TitleSort.Popularity, null)]
    public void Paging_by_cursor_yields_every_title_exactly_once_in_order(TitleSort sort, string? query)
    {
        var all = harness.Search.SearchAsync(new SearchRequest { Query = query, Sort = sort, First = 1000 }).Get();
        var paged = new List<string>();
        string? after = null;
        while (true)
        {
            var page = harness.Search.SearchAsync(new SearchRequest { Query = query, Sort = sort, First = 7, After = after }).Get();
            Assert.Equal(all.TotalCount, page.TotalCount);
            paged.AddRange(page.Hits.Select(h => h.TitleId));
            if (!page.HasNextPage)
                break;
            after = page.Hits[^1].Cursor;
        }

        Assert.Equal(all.Hits.Select(h => h.TitleId), paged);
        Assert.Equal(paged.Count, paged.Distinct().Count());
    }
}
