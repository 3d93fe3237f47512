using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Catalog.Api.Auth;
using Catalog.Api.Experiments;
using Catalog.Api.Tests.Crash;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Varnish;

/// <summary>
/// A real <c>catalog serve</c> process behind a real varnishd running the repository's
/// <c>deploy/varnish.vcl</c>: what Varnish caches, what it never caches, and how long a curator edit takes
/// to show through it. <c>X-Varnish</c> carries one id for an answer fetched from the replica and two
/// (this request's and the cached object's) for a cache hit.
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed partial class VarnishCacheTests
{
    private const int MaxAgeSeconds = 2;
    private const string TitleQuery = """{ title(id: "seed-0") { id name } }""";

    [SkippableFact(Timeout = 300_000)]
    public async Task The_second_identical_anonymous_GET_is_a_hit_and_a_matching_ETag_gets_304_from_Varnish()
    {
        VarnishProcess.SkipUnlessInstalled();
        await using var setup = await StackAsync();
        var (_, varnish, client) = setup;

        var first = await client.GetGraphQLAsync(TitleQuery);
        var second = await client.GetGraphQLAsync(TitleQuery);

        Assert.Equal("Generated title 0 of seed", first.EnsureSuccess().Data.At("title.name").GetString());
        Assert.Equal(first.Body, second.Body);
        Assert.True(IsHit(second), $"second GET was not a hit: {Headers(second)}\n{varnish.Output}");
        Assert.Equal(first.Http.Headers.ETag, second.Http.Headers.ETag);

        var revalidated = await client.GetGraphQLAsync(TitleQuery, ifNoneMatch: first.Http.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
        Assert.True(IsHit(revalidated), $"revalidation was not answered by Varnish: {Headers(revalidated)}");
        Assert.Equal("", revalidated.Body);
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task The_page_s_versioned_assets_are_hits_but_a_missing_asset_is_asked_again()
    {
        VarnishProcess.SkipUnlessInstalled();
        await using var setup = await StackAsync();
        var (_, _, client) = setup;
        var shell = await client.GetStringAsync("/");
        var asset = AssetUrl().Match(shell);
        Assert.True(asset.Success, $"no /assets/ URL in the page: {shell}");

        var first = await client.GetGraphQLUrlAsync(asset.Value, accept: null);
        var second = await client.GetGraphQLUrlAsync(asset.Value, accept: null);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(IsHit(second), $"asset {asset.Value} was not cached: {Headers(second)}");

        // A replica that does not know a hash (say, still on the old page) answers 404: not kept.
        var missing = asset.Value.Replace("/assets/", "/assets/0000", StringComparison.Ordinal);
        var absent = await client.GetGraphQLUrlAsync(missing, accept: null);
        var absentAgain = await client.GetGraphQLUrlAsync(missing, accept: null);
        Assert.Equal(HttpStatusCode.NotFound, absentAgain.Status);
        Assert.False(IsHit(absent) || IsHit(absentAgain), $"a 404 was cached: {Headers(absentAgain)}");
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task A_cookie_does_not_bypass_the_cache_but_authorization_a_session_key_and_POST_always_reach_the_replica()
    {
        VarnishProcess.SkipUnlessInstalled();
        await using var setup = await StackAsync();
        var (sandbox, _, client) = setup;
        await client.GetGraphQLAsync(TitleQuery);

        using (var withCookie = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(TitleQuery)))
        {
            withCookie.Headers.Add("Cookie", "session=irrelevant");
            withCookie.Headers.Accept.ParseAdd(GraphQLHttp.GraphQLResponseJson); // the same variant (Vary: Accept)
            Assert.True(IsHit(await client.SendGraphQLAsync(withCookie)), "a cookie the service never reads bypassed the cache");
        }

        // Each viewer must see themselves: a shared answer would show the first viewer's id to the second.
        foreach (var viewer in new[] { "ann", "bob", "ann" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ viewer { id } }"));
            request.Headers.Authorization = new("Bearer", sandbox.Token(viewer));
            var answer = await client.SendGraphQLAsync(request);
            Assert.Equal(viewer, answer.EnsureSuccess().Data.At("viewer.id").GetString());
            Assert.False(IsHit(answer), $"an authorized GET was served from the cache: {Headers(answer)}");
        }

        // A ranking experiment's session key may rank the answer for its arm: never the shared copy.
        using (var withSession = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(TitleQuery)))
        {
            withSession.Headers.Add(ExperimentAssignment.SessionHeader, "experiment-session-key-0001");
            withSession.Headers.Accept.ParseAdd(GraphQLHttp.GraphQLResponseJson);
            var answer = await client.SendGraphQLAsync(withSession);
            Assert.False(IsHit(answer), $"a GET with a session key was served from the cache: {Headers(answer)}");
        }

        for (var n = 0; n < 3; n++)
        {
            var posted = await client.PostGraphQLAsync(TitleQuery);
            posted.EnsureSuccess();
            Assert.False(IsHit(posted), $"a POST was served from the cache: {Headers(posted)}");
        }
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task A_curator_edit_shows_through_Varnish_within_max_age()
    {
        VarnishProcess.SkipUnlessInstalled();
        await using var setup = await StackAsync();
        var (sandbox, _, client) = setup;
        var cached = await client.GetGraphQLAsync(TitleQuery);
        Assert.True(IsHit(await client.GetGraphQLAsync(TitleQuery)), "the title query was not cached before the edit");

        using var edit = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new
            {
                query = "mutation($in: TitleInput!) { upsertTitle(input: $in) { id name } }",
                variables = new { @in = new { id = "seed-0", name = "Renamed by a curator" } },
            }),
        };
        edit.Headers.Authorization = new("Bearer", sandbox.Token("curator-1", AuthOptions.CuratorRole));
        var edited = await client.SendGraphQLAsync(edit);
        var acknowledged = DateTime.UtcNow;
        Assert.Equal("Renamed by a curator", edited.EnsureSuccess().Data.At("upsertTitle.name").GetString());

        // The cached answer may be served until its max-age runs out (no grace); then Varnish asks the replica.
        string? name = null;
        await CrashSandbox.WaitForAsync(async () =>
        {
            name = (await client.GetGraphQLAsync(TitleQuery)).Data.At("title.name").GetString();
            return name == "Renamed by a curator";
        }, "the edit to show through Varnish", CrashSandbox.Patience, () => $"still '{name}'; first answer: {Headers(cached)}");
        var visibleAfter = DateTime.UtcNow - acknowledged;
        Assert.True(visibleAfter < TimeSpan.FromSeconds(MaxAgeSeconds + 5),
            $"the edit took {visibleAfter.TotalSeconds:0.0} s to show, more than max-age ({MaxAgeSeconds} s) plus slack");
    }

    /// <summary>Varnish answered from its cache: X-Varnish names this request and the object's original fetch.</summary>
    private static bool IsHit(GraphQLResponse response) =>
        response.Http.Headers.TryGetValues("X-Varnish", out var values) && values.Single().Split(' ').Length == 2;

    [GeneratedRegex("/assets/[0-9a-f]+/[^\"]+")]
    private static partial Regex AssetUrl();

    private static string Headers(GraphQLResponse response) =>
        $"{(int)response.Status} {response.Http.Headers} {response.Http.Content.Headers}";

    /// <summary>A server over a five-title store with a short max-age, varnishd in front, a client of Varnish.</summary>
    private static async Task<Stack> StackAsync()
    {
        var sandbox = new CrashSandbox();
        VarnishProcess? varnish = null;
        try
        {
            await sandbox.ImportAsync(sandbox.WriteCatalog("seed.json", "seed", 5));
            await sandbox.StartServerAsync($"--Catalog:GraphQL:CacheMaxAgeSeconds={MaxAgeSeconds}");
            varnish = await VarnishProcess.StartAsync(sandbox.Client!.BaseAddress!.Port);
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{varnish.Port}"), Timeout = CrashSandbox.Patience };
            var stack = new Stack(sandbox, varnish, client);
            await stack.WaitUntilABackendIsHealthyAsync();
            return stack;
        }
        catch
        {
            if (varnish is not null)
                await varnish.DisposeAsync();
            await sandbox.DisposeAsync();
            throw;
        }
    }

    private sealed record Stack(CrashSandbox Sandbox, VarnishProcess Varnish, HttpClient Client) : IAsyncDisposable
    {
        /// <summary>Varnish routes only to backends whose /health/ready probe passed; until then it answers 503.</summary>
        public async Task WaitUntilABackendIsHealthyAsync()
        {
            var status = HttpStatusCode.ServiceUnavailable;
            await CrashSandbox.WaitForAsync(async () =>
            {
                using var ready = await Client.GetAsync("/health/ready");
                status = ready.StatusCode;
                return status == HttpStatusCode.OK;
            }, "Varnish to find a healthy backend", CrashSandbox.Patience, () => $"last status {(int)status}. varnishd output:\n{Varnish.Output}");
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Varnish.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }
}
