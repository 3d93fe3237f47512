using System.Net;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Http;

/// <summary>The default depth and complexity limits let a heavy real page through and stop nested fan-out.</summary>
public sealed class DefaultLimitsTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    private const string FullSearchPage = """
        { search(query: "night", first: 100, facets: [GENRE, TAG, KIND, DECADE, LANGUAGE]) {
            totalCount didYouMean tookMs pageInfo { hasNextPage endCursor }
            facets { field values { value count selected } }
            edges { cursor score highlights { field snippet } node {
              id kind name originalName year releaseDate addedAt availableUntil synopsis runtimeMinutes contentRating
              languages genres tags directors cast imdbId imdbUrl hasTrailer rating { average count weighted }
              trailers { id url embedUrl site kind language }
              reviews(first: 10) { totalCount nodes { id author rating body createdAt helpfulVotes unhelpfulVotes helpfulness } } } }
            related { id name } } }
        """;

    [Fact]
    public async Task A_full_page_of_100_hits_with_reviews_is_within_the_limits()
    {
        var response = await api.CreateClient().PostGraphQLAsync(FullSearchPage);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.DoesNotContain("COMPLEXITY", response.ErrorCodes);
    }

    [Fact]
    public async Task Lists_nested_three_deep_at_first_100_are_refused_before_running()
    {
        var response = await api.CreateClient().PostGraphQLAsync(
            "{ search(first: 100) { nodes { similar(first: 100) { similar(first: 100) { id name } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["COMPLEXITY"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_ides_whole_schema_introspection_is_within_the_limits()
    {
        var response = await api.CreateClient().PostGraphQLAsync("""
            { __schema { queryType { name } mutationType { name } subscriptionType { name }
                types { kind name description
                  fields(includeDeprecated: true) { name description args { ...V } type { ...T } isDeprecated deprecationReason }
                  inputFields { ...V } interfaces { ...T } enumValues(includeDeprecated: true) { name description } possibleTypes { ...T } }
                directives { name description locations args { ...V } } } }
            fragment V on __InputValue { name description type { ...T } defaultValue }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
            """);

        response.EnsureSuccess();
    }

    [Fact]
    public async Task Nested_introspection_fan_out_is_still_refused()
    {
        var response = await api.CreateClient().PostGraphQLAsync(
            "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["COMPLEXITY"], response.ErrorCodes);
    }
}
