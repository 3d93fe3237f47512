using System.Globalization;
using System.Text.Json;
using Catalog.Api.Cli;
using Catalog.Api.Tests.Fixtures;
using Catalog.Api.Tests.GraphQL;

namespace Catalog.Api.Tests.Insights;

/// <summary>searchInsights (curators only) and <c>catalog insights</c> report what the recorded searches and clicks say.</summary>
public abstract class SearchInsightsReportTests<TStore>(SearchInsightsReportTests<TStore>.Api api) : IClassFixture<SearchInsightsReportTests<TStore>.Api>
    where TStore : ITestStore
{
    public sealed class Api : InsightsApi<TStore>;

    private const string Report = """
        query($from: Date!, $to: Date!) { searchInsights(from: $from, to: $to, first: 5) {
          totals { searches zeroResultSearches correctedSearches clicks clickThroughRate meanReciprocalRank latencyP50Ms latencyP95Ms }
          topQueries { query searches zeroResultSearches clickedSearches lastSeen }
          zeroResultQueries { query searches lastSeen }
          noClickQueries { query searches }
          days { day totals { searches zeroResultSearches clickThroughRate } } } }
        """;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Two days: "alpha" ×3 (clicks at positions 1 and 2 on two of them), "qqxzv" ×2 (nothing found), "gamma" ×1 (not opened).</summary>
    private async Task<(DateOnly First, DateOnly Second)> RecordTwoDaysAsync()
    {
        var client = api.CreateClient();
        var first = api.FreshDay();
        async Task<string> SearchAsync(string q) => (await client.PostGraphQLAsync(
            "query($q: String!) { search(query: $q) { searchId } }", new { q })).EnsureSuccess().Data.At("search.searchId").GetString()!;
        async Task ClickAsync(string searchId, int position) => (await client.PostGraphQLAsync(
            "mutation($s: ID!, $p: Int!) { recordClick(searchId: $s, titleId: \"alpha-beta\", position: $p) }", new { s = searchId, p = position })).EnsureSuccess();

        await ClickAsync(await SearchAsync("Alpha"), 1);
        await SearchAsync("qqxzv");
        await SearchAsync("gamma");
        api.Clock.Advance(TimeSpan.FromDays(1));
        await ClickAsync(await SearchAsync("alpha"), 2);
        await SearchAsync("alpha");
        await SearchAsync("QQXZV");
        await api.FlushedAsync();
        return (first, first.AddDays(1));
    }

    [SkippableFact]
    public async Task Curators_see_top_zero_result_and_unclicked_queries_click_through_rank_and_latency_per_day()
    {
        var (first, second) = await RecordTwoDaysAsync();
        var curator = api.CreateClient(api.CuratorToken());
        var report = (await curator.PostGraphQLAsync(Report, new { from = Day(first), to = Day(second) })).EnsureSuccess().Data.At("searchInsights");

        var totals = report.At("totals");
        Assert.Equal(6, totals.At("searches").GetInt32());
        Assert.Equal(2, totals.At("zeroResultSearches").GetInt32());
        Assert.Equal(2, totals.At("clicks").GetInt32());
        Assert.Equal(2.0 / 4, totals.At("clickThroughRate").GetDouble(), 6); // 2 of the 4 searches with results were clicked
        Assert.Equal((1.0 + 0.5) / 4, totals.At("meanReciprocalRank").GetDouble(), 6);
        Assert.True(totals.At("latencyP50Ms").GetDouble() > 0);
        Assert.True(totals.At("latencyP95Ms").GetDouble() >= totals.At("latencyP50Ms").GetDouble());

        Assert.Equal(["alpha", "qqxzv", "gamma"], report.At("topQueries").Strings("query"));
        Assert.Equal([3, 2, 1], report.At("topQueries").EnumerateArray().Select(q => q.At("searches").GetInt32()));
        Assert.Equal([2], report.At("topQueries").EnumerateArray().Take(1).Select(q => q.At("clickedSearches").GetInt32()));
        var zero = Assert.Single(report.At("zeroResultQueries").EnumerateArray());
        Assert.Equal(("qqxzv", 2), (zero.At("query").GetString(), zero.At("searches").GetInt32()));
        Assert.Equal(api.Clock.GetUtcNow(), zero.At("lastSeen").GetDateTimeOffset());
        Assert.Equal(["gamma"], report.At("noClickQueries").Strings("query"));

        var days = report.At("days").EnumerateArray().ToList();
        Assert.Equal([Day(first), Day(second)], days.Select(d => d.At("day").GetString()));
        Assert.Equal([3, 3], days.Select(d => d.At("totals.searches").GetInt32()));
        Assert.Equal([1.0 / 2, 1.0 / 2], days.Select(d => d.At("totals.clickThroughRate").GetDouble()));
    }

    [SkippableFact]
    public async Task Insights_are_refused_without_the_curator_role_and_bad_ranges_are_bad_user_input()
    {
        var range = new { from = "2026-01-01", to = "2026-01-31" };
        Assert.Equal(["UNAUTHENTICATED"], (await api.CreateClient().PostGraphQLAsync(Report, range)).ErrorCodes);
        Assert.Equal(["FORBIDDEN"], (await api.CreateClient(api.ViewerToken()).PostGraphQLAsync(Report, range)).ErrorCodes);

        var curator = api.CreateClient(api.CuratorToken());
        Assert.Equal(["BAD_USER_INPUT"], (await curator.PostGraphQLAsync(Report, new { from = "2026-02-01", to = "2026-01-01" })).ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], (await curator.PostGraphQLAsync(Report, new { from = "2020-01-01", to = "2026-01-01" })).ErrorCodes);
    }

    [SkippableFact]
    public async Task The_insights_verb_prints_the_same_report_as_tables_and_json()
    {
        Skip.If(TStore.Provider != Catalog.Store.StoreProvider.Sqlite, "The verb reads the store through --data; one provider is enough here.");
        var (first, second) = await RecordTwoDaysAsync();
        var range = new[] { "insights", "--from", Day(first), "--to", Day(second), "--data", api.DataDirectory };

        using var text = new StringWriter();
        Assert.Equal(0, await CatalogCli.RunAsync(range, text));
        Assert.Contains("searches 6, zero-result 2", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("zero-result queries (1):", text.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\n\s+2\s+2\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+qqxzv", text.ToString());

        using var json = new StringWriter();
        Assert.Equal(0, await CatalogCli.RunAsync([.. range, "--json"], json));
        var report = JsonDocument.Parse(json.ToString()).RootElement;
        Assert.Equal(6, report.At("totals.searches").GetInt32());
        Assert.Equal(["gamma"], report.At("noClickQueries").Strings("query"));

        using var refused = new StringWriter();
        Assert.Equal(2, await CatalogCli.RunAsync(["insights", "--from", Day(second), "--to", Day(first), "--data", api.DataDirectory], refused));
    }
}

public sealed class SearchInsightsReportTestsOnSqlite(SearchInsightsReportTests<OnSqlite>.Api api) : SearchInsightsReportTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class SearchInsightsReportTestsOnPostgres(SearchInsightsReportTests<OnPostgres>.Api api) : SearchInsightsReportTests<OnPostgres>(api);
