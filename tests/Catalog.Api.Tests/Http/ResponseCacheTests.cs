using System.Net;
using System.Text.Json;
using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;
using Catalog.Api.Tests.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Http;

/// <summary>
/// The shared response cache through the real pipeline: executions are counted by the cache itself (answers
/// kept = executions of cacheable requests, hits = requests answered without executing).
/// </summary>
public abstract class ResponseCacheTests<TStore>(SearchApi<TStore> api) : IClassFixture<SearchApi<TStore>>
    where TStore : ITestStore
{
    private const string Search = "query Search($q: String, $n: Int) { search(query: $q, first: $n) { totalCount edges { node { id name } } } }";

    private ResponseCache Cache => api.Services.GetRequiredService<ResponseCache>();

    private static string Body(string variables) => $"{{\"query\": {JsonSerializer.Serialize(Search)}, \"variables\": {variables}}}";

    private async Task<(long Executions, long Hits)> CountAsync(Func<Task> requests)
    {
        var (stores, hits) = (Cache.Stores, Cache.Hits);
        await requests();
        return (Cache.Stores - stores, Cache.Hits - hits);
    }

    [SkippableFact]
    public async Task A_repeated_anonymous_query_executes_once()
    {
        var client = api.CreateClient();
        var bodies = new List<string>();

        var counts = await CountAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
                bodies.Add((await client.PostGraphQLAsync(Search, new { q = "robot", n = 7 })).EnsureSuccess().Body);
        });

        Assert.Equal((1, 2), counts);
        Assert.Single(bodies.Distinct());
    }

    [SkippableFact]
    public async Task Different_variables_get_their_own_entries_and_key_order_does_not_matter()
    {
        var client = api.CreateClient();

        var counts = await CountAsync(async () =>
        {
            var robot = await client.PostRawAsync(Body("""{"q": "giant", "n": 3}"""));
            var reordered = await client.PostRawAsync(Body("""{ "n" : 3, "q" : "giant" }"""));
            var heat = await client.PostRawAsync(Body("""{"q": "heat", "n": 3}"""));
            Assert.Equal(robot.EnsureSuccess().Body, reordered.EnsureSuccess().Body);
            Assert.NotEqual(robot.Body, heat.EnsureSuccess().Body);
        });

        Assert.Equal((2, 1), counts);
    }

    [SkippableFact]
    public async Task A_change_reaching_the_index_invalidates_cached_answers()
    {
        var client = api.CreateClient();
        var before = await client.PostGraphQLAsync(Search, new { q = "wombat", n = 5 });
        Assert.Equal(0, before.EnsureSuccess().Data.At("search.totalCount").GetInt32());

        await api.SeedTitlesAsync(CatalogApiFactory.NewTitle("wombat", "Wombat Nights"));
        var after = await client.PostGraphQLAsync(Search, new { q = "wombat", n = 5 });

        Assert.Equal(1, after.EnsureSuccess().Data.At("search.totalCount").GetInt32());
    }

    [SkippableFact]
    public async Task A_mutation_on_this_replica_is_visible_at_once_before_the_index_catches_up()
    {
        const string Reviews = """{ title(id: "heat") { reviews { totalCount } } }""";
        var anonymous = api.CreateClient();
        var before = (await anonymous.PostGraphQLAsync(Reviews)).EnsureSuccess().Data.At("title.reviews.totalCount").GetInt32();
        await anonymous.PostGraphQLAsync(Reviews);

        (await api.CreateClient(api.ViewerToken("cache-reviewer")).PostGraphQLAsync(
            """mutation { submitReview(input: { titleId: "heat", rating: 9, body: "Still great." }) { id } }""")).EnsureSuccess();

        var after = (await anonymous.PostGraphQLAsync(Reviews)).EnsureSuccess().Data.At("title.reviews.totalCount").GetInt32();
        Assert.Equal(before + 1, after);

        // The index applies the review in the background; let it land here, not in the middle of the next test's requests.
        await api.CatchUpIndexAsync();
    }

    [SkippableFact]
    public async Task Requests_with_credentials_always_execute()
    {
        var client = api.CreateClient(api.ViewerToken("cache-viewer"));

        var counts = await CountAsync(async () =>
        {
            for (var i = 0; i < 2; i++)
                (await client.PostGraphQLAsync(Search, new { q = "robot", n = 2 })).EnsureSuccess();
        });

        Assert.Equal((0, 0), counts);
    }

    [SkippableFact]
    public async Task Answers_with_errors_are_not_kept()
    {
        var client = api.CreateClient();

        var counts = await CountAsync(async () =>
        {
            for (var i = 0; i < 2; i++)
                Assert.NotEmpty((await client.PostGraphQLAsync(Search, new { q = "robot", n = 1000 })).Errors);
        });

        Assert.Equal((0, 0), counts);
    }

    [SkippableFact]
    public async Task A_matching_if_none_match_is_answered_304_from_the_cache()
    {
        // Nothing may reach the index between the two requests (a new index version starts a new cache generation).
        await api.CatchUpIndexAsync();
        var client = api.CreateClient();
        var first = await client.GetGraphQLAsync(Search, new { q = "drama", n = 4 });
        var etag = first.EnsureSuccess().Http.Headers.ETag!.ToString();

        GraphQLResponse? revalidated = null;
        var counts = await CountAsync(async () => revalidated = await client.GetGraphQLAsync(Search, new { q = "drama", n = 4 }, ifNoneMatch: etag));

        Assert.Equal(HttpStatusCode.NotModified, revalidated!.Status);
        Assert.Equal(etag, revalidated.Http.Headers.ETag!.ToString());
        Assert.Equal((0, 1), counts);
    }
}

public sealed class ResponseCacheTestsOnSqlite(SearchApi<OnSqlite> api) : ResponseCacheTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ResponseCacheTestsOnPostgres(SearchApi<OnPostgres> api) : ResponseCacheTests<OnPostgres>(api);
