using System.Net;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Http;

/// <summary>GET responses an HTTP cache can keep: Cache-Control, strong ETags, 304, Vary; POST is never stored.</summary>
public sealed class HttpCachingTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    private const string Query = "{ cached: __typename }";

    [Fact]
    public async Task Anonymous_get_is_public_with_a_strong_etag_and_vary()
    {
        var response = await api.CreateClient().GetGraphQLAsync(Query);

        response.EnsureSuccess();
        var cacheControl = response.Http.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(30), cacheControl.MaxAge);
        Assert.False(response.Http.Headers.ETag!.IsWeak);
        Assert.Contains("Accept", response.Http.Headers.Vary);
        Assert.Contains("Authorization", response.Http.Headers.Vary);
    }

    [Fact]
    public async Task Matching_if_none_match_gets_304_without_body()
    {
        var client = api.CreateClient();
        var first = await client.GetGraphQLAsync(Query);
        var etag = first.Http.Headers.ETag!.ToString();

        var second = await client.GetGraphQLAsync(Query, ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, second.Status);
        Assert.Equal("", second.Body);
        Assert.Equal(etag, second.Http.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Stale_if_none_match_gets_the_full_response()
    {
        var response = await api.CreateClient().GetGraphQLAsync(Query, ifNoneMatch: "\"not-the-current-tag\"");

        Assert.Equal("Query", response.EnsureSuccess().Data.At("cached").GetString());
    }

    [Fact]
    public async Task Same_body_in_another_media_type_has_another_etag()
    {
        var client = api.CreateClient();
        var modern = await client.GetGraphQLAsync(Query);
        var legacy = await client.GetGraphQLAsync(Query, accept: "application/json");

        Assert.Equal(modern.Body, legacy.Body);
        Assert.NotEqual(modern.Http.Headers.ETag, legacy.Http.Headers.ETag);
    }

    [Fact]
    public async Task Compressed_representation_has_its_own_etag_and_revalidates()
    {
        var client = api.CreateClient();
        var identity = await client.GetGraphQLAsync(Query);
        var gzip = await GetAsync(client, "gzip", ifNoneMatch: null);

        var gzipTag = gzip.Headers.ETag!;
        Assert.EndsWith("-gzip\"", gzipTag.Tag, StringComparison.Ordinal);
        Assert.NotEqual(identity.Http.Headers.ETag!.Tag, gzipTag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, "gzip", gzipTag.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "br", gzipTag.Tag)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string acceptEncoding, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(Query));
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.ParseAdd(ifNoneMatch);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Get_with_credentials_is_private()
    {
        var response = await api.CreateClient(api.ViewerToken()).GetGraphQLAsync(Query);

        response.EnsureSuccess();
        Assert.True(response.Http.Headers.CacheControl!.Private);
        Assert.False(response.Http.Headers.CacheControl.Public);
        Assert.NotNull(response.Http.Headers.ETag);
    }

    [Fact]
    public async Task Get_with_errors_is_never_stored_by_shared_caches()
    {
        var response = await api.CreateClient().GetGraphQLAsync("{ noSuchField }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Http.Headers.CacheControl!.Private);
        Assert.True(response.Http.Headers.CacheControl.NoCache);
        Assert.Null(response.Http.Headers.ETag);
    }

    [Fact]
    public async Task Post_is_no_store_without_etag()
    {
        var response = await api.CreateClient().PostGraphQLAsync(Query);

        response.EnsureSuccess();
        Assert.True(response.Http.Headers.CacheControl!.NoStore);
        Assert.Null(response.Http.Headers.ETag);
    }

    [Fact]
    public async Task Responses_are_compressed_when_the_client_allows()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __schema { types { name } } }"));
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Repeated_answers_are_sent_compressed_and_decompress_to_the_identity_body(string coding)
    {
        const string Repeated = "{ compressed: __schema { types { name } } }";
        var client = api.CreateClient();
        var identity = (await client.PostGraphQLAsync(Repeated)).EnsureSuccess().Body;

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = Repeated }), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.AcceptEncoding.ParseAdd(coding);
            var response = await client.SendAsync(request);

            Assert.Equal(coding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(identity, await DecompressAsync(await response.Content.ReadAsStreamAsync(), coding));
        }
    }

    private static async Task<string> DecompressAsync(Stream compressed, string coding)
    {
        await using Stream plain = coding == "br"
            ? new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(plain);
        return await reader.ReadToEndAsync();
    }
}
