using Catalog.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Catalog.Api.Tests.Insights;

/// <summary>A flood of searches against a tiny backlog whose writer is paused: every search answers, the overflow is counted.</summary>
public sealed class InsightsBacklogTests(InsightsBacklogTests.TinyBacklogApi api) : IClassFixture<InsightsBacklogTests.TinyBacklogApi>
{
    public sealed class TinyBacklogApi : InsightsApi<OnSqlite>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Catalog:Insights:QueueCapacity", "2");
            builder.UseSetting("Catalog:Insights:BatchSize", "1");
            // After its first one-event batch the writer waits an hour: nothing else leaves the backlog during the test.
            builder.UseSetting("Catalog:Insights:FlushInterval", "01:00:00");
        }
    }

    [Fact]
    public async Task A_flood_never_fails_a_search_and_the_dropped_events_are_counted()
    {
        const int Searches = 60;
        var client = api.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, Searches).Select(n =>
            client.PostGraphQLAsync("query($q: String!) { search(query: $q) { totalCount searchId } }", new { q = $"alpha {n}" })));

        Assert.All(responses, r => Assert.False(string.IsNullOrEmpty(r.EnsureSuccess().Data.At("search.searchId").GetString())));
        // At most one batch of one and a full backlog of two were taken in; everything else was dropped.
        Assert.True(api.Backlog.Dropped >= Searches - 3, $"dropped {api.Backlog.Dropped}");
        Assert.Equal(Searches, api.Backlog.Accepted + api.Backlog.Dropped);

        var metrics = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Matches(@"catalog_insights_dropped_events_total\{reason=""queue_full""\} \d+", metrics);
        Assert.Matches(@"catalog_insights_searches_total \d+", metrics);
        Assert.Contains("catalog_insights_zero_result_searches_total", metrics, StringComparison.Ordinal);
        Assert.Contains("catalog_insights_clicks_total", metrics, StringComparison.Ordinal);
    }
}
