using System.Net;
using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Http;

/// <summary>Automatic persisted queries: hash-only requests, registration with the query, verification.</summary>
public sealed class PersistedQueryTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    private static object Persisted(string hash, int version = 1) =>
        new { persistedQuery = new { version, sha256Hash = hash } };

    [Fact]
    public async Task Unknown_hash_then_registration_then_hash_only_get_succeeds()
    {
        const string query = "query Apq { apq: __typename }";
        var hash = PersistedQueries.Sha256Hex(query);

        var miss = await client.GetGraphQLAsync(null, extensions: Persisted(hash));
        Assert.Equal(HttpStatusCode.OK, miss.Status);
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], miss.ErrorCodes);
        Assert.Equal("PersistedQueryNotFound", miss.Errors[0].GetProperty("message").GetString());
        Assert.Contains("private", miss.Http.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(miss.Http.Headers.CacheControl.NoCache);

        var register = await client.PostGraphQLAsync(query, extensions: Persisted(hash));
        Assert.Equal("Query", register.EnsureSuccess().Data.At("apq").GetString());

        var hit = await client.GetGraphQLAsync(null, extensions: Persisted(hash.ToUpperInvariant()));
        Assert.Equal("Query", hit.EnsureSuccess().Data.At("apq").GetString());
        Assert.True(hit.Http.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task Query_that_does_not_match_its_hash_is_refused()
    {
        var response = await client.PostGraphQLAsync("{ __typename }", extensions: Persisted(PersistedQueries.Sha256Hex("{ other }")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["PERSISTED_QUERY_HASH_MISMATCH"], response.ErrorCodes);
    }

    [Fact]
    public async Task Refused_registration_stores_nothing()
    {
        const string query = "{ refused: __typename }";
        var hash = PersistedQueries.Sha256Hex("{ something: __typename }");
        await client.PostGraphQLAsync(query, extensions: Persisted(hash));

        var response = await client.GetGraphQLAsync(null, extensions: Persisted(hash));

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{\"persistedQuery\": {\"version\": 2, \"sha256Hash\": \"00\"}}", "PERSISTED_QUERY_NOT_SUPPORTED")]
    [InlineData("{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"xyz\"}}", "BAD_REQUEST")]
    [InlineData("{\"persistedQuery\": {\"version\": 1}}", "BAD_REQUEST")]
    [InlineData("{\"persistedQuery\": \"abc\"}", "BAD_REQUEST")]
    public async Task Malformed_persisted_query_extensions_get_400(string extensions, string code)
    {
        var response = await client.GetGraphQLUrlAsync("/graphql?extensions=" + Uri.EscapeDataString(extensions));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([code], response.ErrorCodes);
    }
}
