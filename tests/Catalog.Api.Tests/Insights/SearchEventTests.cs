using System.Net;
using System.Text.Json;
using Catalog.Api.Insights;
using Catalog.Api.Tests.Fixtures;
using Catalog.Store;
using Catalog.Store.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Tests.Insights;

/// <summary>Every search is recorded in the store's insights tables, clicks are tied to it, and nothing names the viewer.</summary>
public abstract class SearchEventTests<TStore>(SearchEventTests<TStore>.Api api) : IClassFixture<SearchEventTests<TStore>.Api>
    where TStore : ITestStore
{
    public sealed class Api : InsightsApi<TStore>;

    private const string Search = """
        query($q: String, $filter: TitleFilter, $after: String, $analytics: Boolean! = true) {
          search(query: $q, filter: $filter, first: 1, after: $after, analytics: $analytics) {
            totalCount searchId pageInfo { endCursor } } }
        """;

    private const string Click = "mutation($s: ID!, $t: ID!, $p: Int!) { recordClick(searchId: $s, titleId: $t, position: $p) }";

    private static async Task<JsonElement> SearchAsync(HttpClient client, object variables) =>
        (await client.PostGraphQLAsync(Search, variables)).EnsureSuccess().Data.At("search");

    [SkippableFact]
    public async Task A_search_records_its_normalised_text_filters_result_count_latency_and_replica()
    {
        var result = await SearchAsync(api.CreateClient(), new { q = "  ALPHA   Centauri ", filter = new { kinds = new[] { "MOVIE" } } });
        await api.FlushedAsync();

        var recorded = Assert.Single(await api.SearchesAsync(), s => s.Id == result.At("searchId").GetString());
        Assert.Equal("alpha centauri", recorded.Query);
        Assert.Equal("""{"exact":false,"filter":{"kinds":["Movie"]},"sort":"Relevance"}""", recorded.Filters);
        Assert.Equal(result.At("totalCount").GetInt32(), recorded.ResultCount);
        Assert.True(recorded.ResultCount > 0);
        Assert.False(recorded.Corrected);
        Assert.True(recorded.LatencyMs > 0);
        Assert.Equal("replica-under-test", recorded.Replica);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, recorded.At);
    }

    [SkippableFact]
    public async Task A_corrected_search_and_one_that_finds_nothing_say_so()
    {
        var client = api.CreateClient();
        var corrected = await SearchAsync(client, new { q = "alpha qqxzv" });
        var nothing = await SearchAsync(client, new { q = "qqxzv" });
        await api.FlushedAsync();

        var searches = await api.SearchesAsync();
        Assert.True(searches.Single(s => s.Id == corrected.At("searchId").GetString()).Corrected);
        var empty = searches.Single(s => s.Id == nothing.At("searchId").GetString());
        Assert.Equal(0, empty.ResultCount);
        Assert.False(empty.Corrected);
    }

    [SkippableFact]
    public async Task Next_pages_and_analytics_false_are_not_recorded()
    {
        var client = api.CreateClient();
        var first = await SearchAsync(client, new { q = "alpha" });
        var next = await SearchAsync(client, new { q = "alpha", after = first.At("pageInfo.endCursor").GetString() });
        var preview = await SearchAsync(client, new { q = "alpha", analytics = false });
        await api.FlushedAsync();

        Assert.Equal(JsonValueKind.Null, next.At("searchId").ValueKind);
        Assert.Equal(JsonValueKind.Null, preview.At("searchId").ValueKind);
        Assert.Contains(await api.SearchesAsync(), s => s.Id == first.At("searchId").GetString());
    }

    [SkippableFact]
    public async Task Clicks_from_the_mutation_and_the_beacon_are_tied_to_their_own_search()
    {
        var client = api.CreateClient();
        var first = (await SearchAsync(client, new { q = "alpha" })).At("searchId").GetString()!;
        var second = (await SearchAsync(client, new { q = "gamma" })).At("searchId").GetString()!;
        (await client.PostGraphQLAsync(Click, new { s = second, t = "gamma-ray", p = 1 })).EnsureSuccess();
        var beacon = await client.PostAsync(ClickBeaconEndpoint.Path,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["searchId"] = first, ["titleId"] = "alpha-beta", ["position"] = "2" }));
        Assert.Equal(HttpStatusCode.NoContent, beacon.StatusCode);
        (await client.PostGraphQLAsync(Click, new { s = first, t = "alpha-centauri", p = 1 })).EnsureSuccess();
        await api.FlushedAsync();

        var clicks = (await api.ClicksAsync()).Where(c => c.SearchId == first || c.SearchId == second).ToList();
        Assert.Equal([("alpha-beta", 2), ("alpha-centauri", 1)], clicks.Where(c => c.SearchId == first).OrderBy(c => c.Id).Select(c => (c.TitleId, c.Position)));
        Assert.Equal([("gamma-ray", 1)], clicks.Where(c => c.SearchId == second).Select(c => (c.TitleId, c.Position)));
        var searches = await api.SearchesAsync();
        Assert.Equal((2, (int?)1), searches.Where(s => s.Id == first).Select(s => (s.ClickCount, s.FirstClickPosition)).Single());
        Assert.Equal((1, (int?)1), searches.Where(s => s.Id == second).Select(s => (s.ClickCount, s.FirstClickPosition)).Single());
    }

    [SkippableFact]
    public async Task A_click_on_a_search_that_was_never_recorded_is_dropped()
    {
        var client = api.CreateClient();
        var unknown = new string('A', 22);
        Assert.True((await client.PostGraphQLAsync(Click, new { s = unknown, t = "alpha-beta", p = 1 })).EnsureSuccess().Data.At("recordClick").GetBoolean());
        await api.FlushedAsync();

        Assert.DoesNotContain(await api.ClicksAsync(), c => c.SearchId == unknown);
    }

    [SkippableTheory]
    [InlineData("not-a-search-id", "alpha-beta", 1)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", "alpha-beta", 0)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", " ", 3)]
    public async Task Bad_clicks_are_bad_user_input_and_a_bad_beacon_is_400(string searchId, string titleId, int position)
    {
        var client = api.CreateClient();
        var response = await client.PostGraphQLAsync(Click, new { s = searchId, t = titleId, p = position });
        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        var beacon = await client.PostAsync(ClickBeaconEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["searchId"] = searchId, ["titleId"] = titleId, ["position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, beacon.StatusCode);
        Assert.Contains("error", await beacon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task No_viewer_identity_is_stored()
    {
        var viewer = api.CreateClient(api.ViewerToken("viewer-identity-7", "Secret Viewer Name"));
        viewer.DefaultRequestHeaders.UserAgent.ParseAdd("IdentifyingAgent/9.9");
        viewer.DefaultRequestHeaders.Add(Catalog.Api.Experiments.ExperimentAssignment.SessionHeader, "IdentifyingSessionKey0123");
        var searchId = (await SearchAsync(viewer, new { q = "alpha" })).At("searchId").GetString()!;
        (await viewer.PostGraphQLAsync(Click, new { s = searchId, t = "alpha-beta", p = 1 })).EnsureSuccess();
        await api.FlushedAsync();

        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        // An experiment's id and arm say which ranking a search got, not who searched (the session key is only hashed).
        Assert.Equal(["Arm", "At", "ClickCount", "Corrected", "Day", "ExperimentId", "Filters", "FirstClickPosition", "Id", "LatencyMs", "Query", "Replica", "ResultCount"],
            Columns(db, typeof(SearchEvent)));
        Assert.Equal(["At", "Id", "Position", "SearchId", "TitleId"], Columns(db, typeof(SearchClick)));
        var stored = JsonSerializer.Serialize(new object[]
        {
            (await api.SearchesAsync()).Single(s => s.Id == searchId), (await api.ClicksAsync()).Single(c => c.SearchId == searchId),
        });
        foreach (var identity in new[] { "viewer-identity-7", "Secret Viewer Name", "IdentifyingAgent", "IdentifyingSessionKey", "127.0.0.1" })
            Assert.DoesNotContain(identity, stored, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Retention_deletes_searches_and_clicks_older_than_the_retention_days()
    {
        api.FreshDay();
        var client = api.CreateClient();
        var old = (await SearchAsync(client, new { q = "alpha" })).At("searchId").GetString()!;
        (await client.PostGraphQLAsync(Click, new { s = old, t = "alpha-beta", p = 1 })).EnsureSuccess();
        await api.FlushedAsync();
        api.Clock.Advance(TimeSpan.FromDays(60));
        var recent = (await SearchAsync(client, new { q = "alpha" })).At("searchId").GetString()!;
        await api.FlushedAsync();

        var retention = api.Services.GetRequiredService<InsightsRetentionService>();
        api.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1)); // the first search is now 90 days and a minute old
        Assert.True(await retention.DeleteExpiredAsync(CancellationToken.None) >= 1);

        var ids = (await api.SearchesAsync()).Select(s => s.Id).ToList();
        Assert.DoesNotContain(old, ids);
        Assert.Contains(recent, ids);
        Assert.DoesNotContain(await api.ClicksAsync(), c => c.SearchId == old);
    }

    [SkippableFact]
    public async Task An_answer_holding_a_searchId_is_never_shared_but_one_without_it_still_is()
    {
        var client = api.CreateClient();
        var withId = "query { search(query: \"gamma\") { totalCount searchId } }";
        var first = await client.GetGraphQLAsync(withId);
        var second = await client.GetGraphQLAsync(withId);
        Assert.NotEqual(first.EnsureSuccess().Data.At("search.searchId").GetString(), second.EnsureSuccess().Data.At("search.searchId").GetString());
        Assert.DoesNotContain("public", first.Http.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var withoutId = await client.GetGraphQLAsync("query { search(query: \"gamma\") { totalCount } }");
        Assert.StartsWith("public", withoutId.EnsureSuccess().Http.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var notRecorded = await client.GetGraphQLAsync("query { search(query: \"gamma\", analytics: false) { totalCount searchId } }");
        Assert.StartsWith("public", notRecorded.EnsureSuccess().Http.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_search_carrying_this_process_rehearsal_token_is_rolled_back_and_any_other_value_is_recorded()
    {
        var rehearsal = api.CreateClient();
        rehearsal.DefaultRequestHeaders.Add(InsightsRehearsal.Header, api.Services.GetRequiredService<InsightsRehearsal>().Token);
        var forged = api.CreateClient();
        forged.DefaultRequestHeaders.Add(InsightsRehearsal.Header, "not-this-process-token");
        var accepted = api.Backlog.Accepted;

        var rehearsed = await SearchAsync(rehearsal, new { q = "alpha" });
        var recorded = await SearchAsync(forged, new { q = "alpha" });
        await api.FlushedAsync();

        Assert.Equal(accepted + 2, api.Backlog.Accepted); // the rehearsal made and queued its event as a viewer's search does
        var searches = await api.SearchesAsync();
        Assert.DoesNotContain(searches, s => s.Id == rehearsed.At("searchId").GetString());
        Assert.Contains(searches, s => s.Id == recorded.At("searchId").GetString());
    }

    [SkippableFact]
    public async Task A_batch_holding_a_rehearsal_and_viewers_events_keeps_the_viewers_and_rolls_the_rehearsal_back()
    {
        var backlog = new InsightsBacklog(Options.Create(new InsightsOptions()));
        var at = api.Clock.GetUtcNow().UtcDateTime;
        SearchEvent Event(string id) => new() { Id = id, At = at, Day = DateOnly.FromDateTime(at), Query = id, Filters = "", Replica = "r" };
        var viewer = Event($"viewer{Guid.NewGuid():N}"[..22]);
        var rehearsal = Event($"rehearsal{Guid.NewGuid():N}"[..22]);
        // Queued before the writer starts, so they are one batch.
        Assert.True(backlog.TryAdd(new PendingEvent(rehearsal, null, Rehearsal: true)));
        Assert.True(backlog.TryAdd(new PendingEvent(viewer, null)));
        Assert.True(backlog.TryAdd(new PendingEvent(null, new SearchClick { SearchId = viewer.Id, TitleId = "alpha-beta", Position = 2, At = at })));
        using var flush = new InsightsFlushService(backlog, api.Services.GetRequiredService<InsightsWriter>(),
            Options.Create(new InsightsOptions()), NullLogger<InsightsFlushService>.Instance);

        await flush.StartAsync(CancellationToken.None);
        await backlog.WaitUntilProcessedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await flush.StopAsync(CancellationToken.None);

        var searches = await api.SearchesAsync();
        Assert.Equal(1, Assert.Single(searches, s => s.Id == viewer.Id).ClickCount);
        Assert.DoesNotContain(searches, s => s.Id == rehearsal.Id);
        Assert.Equal(3, backlog.Processed);
    }

    private static string[] Columns(CatalogDbContext db, Type entity) =>
        [.. db.Model.FindEntityType(entity)!.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal)];
}

public sealed class SearchEventTestsOnSqlite(SearchEventTests<OnSqlite>.Api api) : SearchEventTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class SearchEventTestsOnPostgres(SearchEventTests<OnPostgres>.Api api) : SearchEventTests<OnPostgres>(api);
