using Catalog.Core.Search;
using Catalog.Search.Indexing;
using Catalog.Search.Querying;
using Xunit.Abstractions;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// Above the exact-count limit a search's facet counts are estimated from an even sample and say so; the total, the
/// page and every count at or below the limit stay exact. The estimates stay within a few sampling errors.
/// </summary>
public sealed class ApproximateFacetCountsTests(ITestOutputHelper output) : IDisposable
{
    private const int Limit = 200;

    private static readonly string[] Words = ["dark", "star", "night", "river", "robot", "city", "last", "blue", "iron", "dream"];

    private static readonly List<FacetRequest> AllFacets = [.. Enum.GetValues<FacetField>().Select(f => new FacetRequest(f, MaxValues: 1000))];

    private readonly SearchHarness harness = SearchHarness.Segmented(RandomCatalog.Titles(3000, seed: 20261202), RandomCatalog.Now, segmentSize: 700);

    [Fact]
    public void Above_the_limit_facet_counts_are_estimates_within_sampling_error_and_say_so()
    {
        var sampled = harness.At(harness.Now, new SearchOptions { ExactCountLimit = Limit });
        var exact = harness.At(harness.Now, new SearchOptions { ExactCountLimit = int.MaxValue });
        var worst = 0.0;
        foreach (var word in Words)
        {
            var estimate = Search(sampled, word);
            var truth = Search(exact, word);
            Assert.True(truth.TotalCount > Limit, $"'{word}' must match more than {Limit} titles");
            Assert.Equal(truth.TotalCount, estimate.TotalCount);
            Assert.Equal(truth.Hits.Select(hit => hit.TitleId), estimate.Hits.Select(hit => hit.TitleId));
            Assert.All(truth.Facets, facet => Assert.True(facet.Exact));
            Assert.All(estimate.Facets, facet => Assert.False(facet.Exact));
            foreach (var facet in truth.Facets)
            {
                var estimated = estimate.Facets.Single(f => f.Field == facet.Field).Values.ToDictionary(v => v.Value, v => v.Count);
                foreach (var value in facet.Values)
                {
                    var share = (double)value.Count / truth.TotalCount;
                    var standardError = truth.TotalCount * Math.Sqrt(share * (1 - share) / Limit);
                    var error = Math.Abs(estimated.GetValueOrDefault(value.Value) - value.Count);
                    Assert.True(error <= (5 * standardError) + ((double)truth.TotalCount / Limit),
                        $"'{word}' {facet.Field} {value.Value}: {estimated.GetValueOrDefault(value.Value)} estimated, {value.Count} counted");
                    if (share >= 0.05)
                        worst = Math.Max(worst, (double)error / value.Count);
                }
            }
        }

        output.WriteLine($"worst relative error of a value holding at least 5 % of the matches, sample of {Limit}: {worst:P1}");
    }

    [Fact]
    public void At_or_below_the_limit_every_count_is_exact()
    {
        var sampled = harness.At(harness.Now, new SearchOptions { ExactCountLimit = Limit });
        var exact = harness.At(harness.Now, new SearchOptions { ExactCountLimit = int.MaxValue });
        foreach (var text in Words.SelectMany(first => Words.Where(second => second != first).Select(second => $"{first} {second}")).Take(30))
        {
            var truth = Search(exact, text);
            var result = Search(sampled, text);
            Assert.True(truth.TotalCount <= Limit, $"'{text}' must match at most {Limit} titles");
            Assert.Equal(Describe(truth.Facets), Describe(result.Facets));
            Assert.All(result.Facets, facet => Assert.True(facet.Exact));
        }
    }

    public void Dispose() => harness.Dispose();

    private static SearchResult Search(TitleSearch search, string text) =>
        search.SearchAsync(new SearchRequest { Query = text, First = 20, Facets = AllFacets, Exact = true }).GetAwaiter().GetResult();

    private static List<string> Describe(IReadOnlyList<FacetResult> facets) =>
        [.. facets.SelectMany(facet => facet.Values.Select(value => $"{facet.Field}:{value.Value}={value.Count}"))];
}
