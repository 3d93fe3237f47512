using System.Text.Json;
using Catalog.Api.Tests.Fixtures;
using Catalog.Core;
using Catalog.Core.Ranking;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>
/// The RATING order and the <c>rating.weighted</c> values it returns use one catalog mean C, the index's: once the index has
/// applied a rating change, the values are sorted descending (ties by title id) and each is the Core formula with the
/// store's C (no minute-old copy of it).
/// </summary>
public abstract class WeightedRatingAgreementTests<TStore>(SearchApi<TStore> api) : IClassFixture<SearchApi<TStore>>
    where TStore : ITestStore
{
    private const string RatingOrder = """
        { search(sort: RATING, first: 20) { edges { node { id rating { average count weighted } } } } }
        """;

    [SkippableFact]
    public async Task Rating_order_and_weighted_values_agree_right_after_reviews_change_ratings()
    {
        await AssertAgreementAsync();

        // Ten sixes give the unrated title the same mean and votes as "leaving" (a tie); three ones sink "mr-robot".
        for (var i = 0; i < 10; i++)
            await ReviewAsync($"six-{i}", "new-arrival", 6);
        for (var i = 0; i < 3; i++)
            await ReviewAsync($"one-{i}", "mr-robot", 1);
        // The index applies the change log in order, so once search sees the last review, it has applied them all.
        await Eventually.TrueAsync(async () => (await api.CreateClient().PostGraphQLAsync(
            """{ search(filter: { minVotes: 6 }, first: 20) { edges { node { id } } } }""")).EnsureSuccess().Data
            .At("search.edges").EnumerateArray().Any(e => e.At("node.id").GetString() == "mr-robot"), "search to see the last review");

        var edges = await AssertAgreementAsync();
        var ids = edges.Select(e => e.Id).ToList();
        Assert.Equal(ids.IndexOf("leaving") + 1, ids.IndexOf("new-arrival"));
        Assert.Equal(edges.Single(e => e.Id == "leaving").Weighted, edges.Single(e => e.Id == "new-arrival").Weighted);
        Assert.Equal(6, edges.Single(e => e.Id == "mr-robot").Count);
    }

    /// <summary>Checks the RATING page against the formula with C from the store, and returns it.</summary>
    private async Task<List<(string Id, int Count, double Weighted)>> AssertAgreementAsync()
    {
        var search = (await api.CreateClient().PostGraphQLAsync(RatingOrder)).EnsureSuccess().Data.At("search");
        var edges = search.At("edges").EnumerateArray().Select(e => e.At("node")).Select(node => (
            Id: node.At("id").GetString()!,
            Average: node.At("rating.average") is { ValueKind: JsonValueKind.Number } average ? average.GetDouble() : 0,
            Count: node.At("rating.count").GetInt32(),
            Weighted: node.At("rating.weighted").GetDouble())).ToList();
        Assert.Equal(SearchApi.AvailableNow, edges.Count);

        var catalogMean = await StoreCatalogMeanAsync();
        var priorVotes = api.Services.GetRequiredService<IOptions<CatalogOptions>>().Value.Ranking.PriorVotes;
        foreach (var edge in edges)
            Assert.Equal(WeightedRating.Compute(edge.Average, edge.Count, catalogMean, priorVotes), edge.Weighted, 1e-9);
        var expected = edges.OrderByDescending(e => e.Weighted).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id);
        Assert.Equal(expected, edges.Select(e => e.Id));
        return [.. edges.Select(e => (e.Id, e.Count, e.Weighted))];
    }

    private async Task<double> StoreCatalogMeanAsync()
    {
        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        var titles = await db.Titles.AsNoTracking().Select(t => new { t.RatingSum, t.RatingCount }).ToListAsync();
        return WeightedRating.CatalogMean(titles.Sum(t => t.RatingSum), titles.Sum(t => (long)t.RatingCount));
    }

    private async Task ReviewAsync(string viewer, string titleId, int rating) =>
        (await api.CreateClient(api.ViewerToken(viewer)).PostGraphQLAsync(
            "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }",
            new { input = new { titleId, rating, body = "Rated." } })).EnsureSuccess();
}

public sealed class WeightedRatingAgreementTestsOnSqlite(SearchApi<OnSqlite> api) : WeightedRatingAgreementTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class WeightedRatingAgreementTestsOnPostgres(SearchApi<OnPostgres> api) : WeightedRatingAgreementTests<OnPostgres>(api);
