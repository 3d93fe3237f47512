using System.Net;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Http;

/// <summary>GraphQL-over-HTTP media types: which one answers, and which status request errors get under each.</summary>
public sealed class ContentNegotiationTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    private const string Legacy = "application/json";

    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData(GraphQLHttp.GraphQLResponseJson, GraphQLHttp.GraphQLResponseJson)]
    [InlineData(Legacy, Legacy)]
    [InlineData("*/*", GraphQLHttp.GraphQLResponseJson)]
    [InlineData("application/*", GraphQLHttp.GraphQLResponseJson)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLHttp.GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", Legacy)]
    [InlineData("text/html, application/json;q=0.9, */*;q=0.8", Legacy)]
    [InlineData("application/json; charset=utf-8", Legacy)]
    public async Task Accept_chooses_the_response_type(string accept, string expected)
    {
        var response = await client.PostGraphQLAsync("{ __typename }", accept: accept);

        Assert.Equal(expected, response.EnsureSuccess().ContentType);
    }

    [Fact]
    public async Task No_accept_header_means_legacy_json()
    {
        var response = await client.PostRawAsync("{\"query\": \"{ __typename }\"}", accept: null);

        Assert.Equal(Legacy, response.EnsureSuccess().ContentType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Nothing_acceptable_gets_406(string accept)
    {
        var response = await client.PostGraphQLAsync("{ __typename }", accept: accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{ __typename ")]
    [InlineData("{ noSuchField }")]
    [InlineData("query($n: Int!) { __typename }")]
    public async Task Parse_and_validation_errors_are_400_under_graphql_response_json(string query)
    {
        var response = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.HasErrors);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("{ __typename ")]
    [InlineData("{ noSuchField }")]
    [InlineData("query($n: Int!) { __typename }")]
    public async Task Parse_and_validation_errors_are_200_under_legacy_json(string query)
    {
        var response = await client.PostGraphQLAsync(query, accept: Legacy);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.HasErrors);
    }

    [Theory]
    [InlineData(GraphQLHttp.GraphQLResponseJson)]
    [InlineData(Legacy)]
    public async Task Field_errors_are_200_with_data_and_coded_errors(string accept)
    {
        var response = await client.PostGraphQLAsync(
            "mutation { submitReview(input: {titleId: \"tt0000001\", rating: 7, body: \"Fine.\"}) { id } }", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Json.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Variable_of_the_wrong_type_is_a_400()
    {
        var response = await client.PostGraphQLAsync("query($n: Int!) { __typename }", variables: new { n = "seven" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Unknown_operation_name_is_a_400()
    {
        var response = await client.PostGraphQLAsync("query A { __typename }", operationName: "B");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
