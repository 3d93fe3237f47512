using System.Net;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Http;

/// <summary>
/// Per-client budget of search/suggest fields (<c>Catalog:RateLimits:SearchesPerMinute</c>): each test spends the
/// budget of its own token subject, so the tests do not share one.
/// </summary>
public sealed class SearchRateLimitTests(SearchRateLimitTests.ThreeSearchesApi api) : IClassFixture<SearchRateLimitTests.ThreeSearchesApi>
{
    public sealed class ThreeSearchesApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:RateLimits:SearchesPerMinute"] = "3",
        };
    }

    [Fact]
    public async Task Searches_beyond_the_budget_get_429_with_retry_after_and_other_queries_still_run()
    {
        var client = api.CreateClient(api.ViewerToken("searcher"));
        for (var i = 0; i < 3; i++)
            (await client.PostGraphQLAsync($"{{ search(query: \"q{i}\") {{ totalCount }} }}")).EnsureSuccess();

        var refused = await client.PostGraphQLAsync("{ suggest(prefix: \"ter\") { text } }");
        var other = await client.PostGraphQLAsync("{ genres { value } }");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes);
        Assert.InRange(refused.Http.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        other.EnsureSuccess();
    }

    [Fact]
    public async Task Each_aliased_search_takes_a_permit_and_clients_have_their_own_budgets()
    {
        var greedy = api.CreateClient(api.ViewerToken("greedy"));
        var calm = api.CreateClient(api.ViewerToken("calm"));

        (await greedy.PostGraphQLAsync("{ a: search(query: \"a\") { totalCount } b: search(query: \"b\") { totalCount } ...S } fragment S on Query { c: suggest(prefix: \"c\") { text } }"))
            .EnsureSuccess();
        var refused = await greedy.PostGraphQLAsync("{ search(query: \"d\") { totalCount } }");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        (await calm.PostGraphQLAsync("{ search(query: \"d\") { totalCount } }")).EnsureSuccess();
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_by_address()
    {
        var anonymous = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await anonymous.PostGraphQLAsync($"{{ search(query: \"anon{i}\") {{ totalCount }} }}")).Status);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
