using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Browser;

/// <summary>Static hosting over real HTTP: the shell, versioned assets, their caching, compression and headers.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class WebHostingTests(BrowserFixture browser)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private readonly HttpClient client = browser.Server.CreateClient();

    [GeneratedRegex("/assets/([0-9a-f]+)/app\\.js")]
    private static partial Regex AppScript();

    private async Task<HttpResponseMessage> GetAsync(string path, string accept = BrowserAccept, string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        if (acceptEncoding is not null)
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        return await client.SendAsync(request);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string expectedPolicy)
    {
        Assert.Equal(expectedPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=matrix&genre=Action")]
    [InlineData("/title/the-matrix-1999")]
    [InlineData("/title/a.title.with.dots")]
    [InlineData("/curator")]
    [InlineData("/signin")]
    [InlineData("/some/other/page")]
    public async Task Page_routes_get_the_shell_revalidated_every_time_with_the_security_headers(string path)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);
        AssertSecurityHeaders(response, AppPolicy);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("%ASSET_BASE%", html, StringComparison.Ordinal);
        Assert.Matches(AppScript(), html);
    }

    [Fact]
    public async Task Shell_answers_304_to_its_etag()
    {
        using var first = await GetAsync("/");

        using var again = await GetAsync("/search", ifNoneMatch: first.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    private async Task<string> AppAssetBaseAsync()
    {
        using var shell = await GetAsync("/");
        return $"/assets/{AppScript().Match(await shell.Content.ReadAsStringAsync()).Groups[1].Value}";
    }

    [Fact]
    public async Task Assets_under_the_current_hash_are_cached_for_a_year_and_other_hashes_are_404()
    {
        var assetBase = await AppAssetBaseAsync();

        using var script = await GetAsync(assetBase + "/app.js", accept: "*/*");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", script.Headers.CacheControl!.ToString());
        Assert.NotNull(script.Headers.ETag);
        AssertSecurityHeaders(script, AppPolicy);

        using var revalidated = await GetAsync(assetBase + "/app.js", accept: "*/*", ifNoneMatch: script.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        foreach (var wrong in new[] { "/assets/0123456789/app.js", assetBase + "/no-such-file.js", "/assets/app.js", "/assets/" })
        {
            using var missing = await GetAsync(wrong);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound, $"{wrong}: {missing.StatusCode}");
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Script_assets_are_compressed(string encoding)
    {
        var assetBase = await AppAssetBaseAsync();
        using var uncompressed = await GetAsync(assetBase + "/app.js", accept: "*/*");

        using var compressed = await GetAsync(assetBase + "/app.js", accept: "*/*", acceptEncoding: encoding);

        Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Empty(uncompressed.Content.Headers.ContentEncoding);
        using var ide = await GetAsync("/graphql");
        var graphiql = Regex.Match(await ide.Content.ReadAsStringAsync(), "/assets/[0-9a-f]+/graphiql\\.min\\.js").Value;
        using var big = await GetAsync(graphiql, accept: "*/*", acceptEncoding: encoding);
        Assert.Equal(encoding, Assert.Single(big.Content.Headers.ContentEncoding));
        Assert.True((await big.Content.ReadAsByteArrayAsync()).Length < 2_000_000, "graphiql.min.js (3.5 MB) should shrink several times");
    }

    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/metrics", HttpStatusCode.OK)]
    [InlineData("/dev/no-such-endpoint", HttpStatusCode.NotFound)]
    [InlineData("/health/no-such-check", HttpStatusCode.NotFound)]
    [InlineData("/favicon.ico", HttpStatusCode.NotFound)]
    public async Task Reserved_paths_and_files_never_get_the_shell(string path, HttpStatusCode expected)
    {
        using var response = await GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Browser_get_of_graphql_without_a_query_gets_the_ide_page()
    {
        using var response = await GetAsync("/graphql");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        AssertSecurityHeaders(response, IdePolicyExpected);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("/assets/[0-9a-f]+/graphiql\\.min\\.js", html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    private const string IdePolicyExpected =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Theory]
    [InlineData("application/json")]
    [InlineData(GraphQLHttp.GraphQLResponseJson)]
    [InlineData("*/*")]
    public async Task Api_gets_of_graphql_without_a_query_are_unchanged(string accept)
    {
        using var response = await GetAsync("/graphql", accept: accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData(BrowserAccept, GraphQLHttp.GraphQLResponseJson)]
    public async Task Gets_of_graphql_with_a_query_get_json_even_from_a_browser(string accept, string expectedType)
    {
        using var response = await GetAsync("/graphql?query=" + Uri.EscapeDataString("{ title(id: \"the-matrix-1999\") { name } }"), accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Every_example_tab_of_the_ide_runs_without_errors()
    {
        using var ide = await GetAsync("/graphql");
        var examplesUrl = Regex.Match(await ide.Content.ReadAsStringAsync(), "/assets/[0-9a-f]+/").Value + "examples.json";
        using var examples = JsonDocument.Parse(await client.GetStringAsync(examplesUrl));

        Assert.True(examples.RootElement.GetArrayLength() >= 4);
        foreach (var example in examples.RootElement.EnumerateArray())
        {
            (await client.PostGraphQLAsync(example.GetProperty("query").GetString()!)).EnsureSuccess();
        }
    }
}
