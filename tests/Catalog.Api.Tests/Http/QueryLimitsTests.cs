using System.Net;
using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Tests.Http;

/// <summary>Depth and complexity limits from configuration, each a clear validation error (400).</summary>
public sealed class QueryLimitsTests(QueryLimitsTests.LimitedApiFactory api) : IClassFixture<QueryLimitsTests.LimitedApiFactory>
{
    public sealed class LimitedApiFactory : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:GraphQL:MaxDepth"] = "4",
            ["Catalog:GraphQL:MaxComplexity"] = "60",
        };
    }

    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Queries_within_the_limits_run()
    {
        var response = await client.PostGraphQLAsync("{ __type(name: \"Query\") { name kind } }");

        response.EnsureSuccess();
    }

    [Fact]
    public async Task Too_deep_a_query_is_a_400_naming_the_depth()
    {
        var response = await client.PostGraphQLAsync("{ __type(name: \"Query\") { fields { type { ofType { name } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("depth", response.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Depth_through_fragments_counts_too()
    {
        var response = await client.PostGraphQLAsync(
            "{ __type(name: \"Query\") { ...F } } fragment F on __Type { fields { type { ofType { name } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Too_complex_a_query_is_a_400_naming_the_complexity()
    {
        var response = await client.PostGraphQLAsync(
            "{ __schema { types { name kind description fields { name description } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("complexity", response.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Limits_and_caches_come_from_configuration()
    {
        var options = api.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;

        Assert.Equal(4, options.MaxDepth);
        Assert.Equal(60, options.MaxComplexity);
    }

    [Fact]
    public void Repeated_query_text_is_parsed_once()
    {
        var documents = api.Services.GetRequiredService<DocumentCache>();

        var first = documents.GetOrParse("{ parsedOnce: __typename }");
        var second = documents.GetOrParse("{ parsedOnce: __typename }");

        Assert.Same(first, second);
        Assert.NotSame(first, documents.GetOrParse("{ parsedTwice: __typename }"));
    }
}
