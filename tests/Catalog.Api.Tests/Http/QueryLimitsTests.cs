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

    private const string PagedSearch = "query Paged($n: Int!) { search(query: \"the\", first: $n) { edges { node { id name } } } }";

    [Fact]
    public async Task A_document_is_validated_once_and_its_variables_and_complexity_on_every_request()
    {
        var documents = api.Services.GetRequiredService<DocumentCache>();
        var document = documents.GetOrParse(PagedSearch);

        (await client.PostGraphQLAsync(PagedSearch, new { n = 2 })).EnsureSuccess();
        Assert.True(documents.IsValid(document, null));
        var wrongType = await client.PostGraphQLAsync(PagedSearch, new { n = "two" });
        var tooComplex = await client.PostGraphQLAsync(PagedSearch, new { n = 50 });

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Contains("$n", wrongType.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooComplex.Status);
        Assert.Contains("complexity", tooComplex.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        (await client.PostGraphQLAsync(PagedSearch, new { n = 3 })).EnsureSuccess();
    }

    [Fact]
    public async Task A_document_that_failed_validation_fails_it_again()
    {
        const string unknownField = "{ search(query: \"the\") { edges { node { noSuchField } } } }";
        var documents = api.Services.GetRequiredService<DocumentCache>();

        var first = await client.PostGraphQLAsync(unknownField);
        var again = await client.PostGraphQLAsync(unknownField);

        Assert.False(documents.IsValid(documents.GetOrParse(unknownField), null));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(first.Errors[0].GetProperty("message").GetString(), again.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validity_is_remembered_per_operation()
    {
        const string twoOperations = "query One { one: __typename } query Two { two: __typename }";
        var documents = api.Services.GetRequiredService<DocumentCache>();

        (await client.PostGraphQLAsync(twoOperations, operationName: "One")).EnsureSuccess();

        Assert.True(documents.IsValid(documents.GetOrParse(twoOperations), "One"));
        Assert.False(documents.IsValid(documents.GetOrParse(twoOperations), "Two"));
    }
}
