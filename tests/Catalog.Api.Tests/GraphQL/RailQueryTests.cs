using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

public abstract class RailQueryTests<TStore>(SearchApi<TStore> api) : IClassFixture<SearchApi<TStore>>
    where TStore : ITestStore
{
    private static readonly DateTimeOffset Now = CatalogApiFactory.FixedNow;

    private static string Rail(string name) =>
        $"query($asOf: DateTime) {{ {name}(asOf: $asOf) {{ totalCount nodes {{ id }} pageInfo {{ hasNextPage }} }} }}";

    private static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ssK");

    [SkippableTheory]
    [InlineData("recentlyAdded", "heat,new-arrival,iron-giant")]
    [InlineData("newReleases", "new-arrival,recent-release")]
    [InlineData("newArrivals", "new-arrival")]
    [InlineData("comingSoon", "coming")]
    [InlineData("leavingSoon", "leaving")]
    public async Task Each_rail_follows_its_definition_now(string rail, string expected)
    {
        var response = (await api.CreateClient().PostGraphQLAsync(Rail(rail))).EnsureSuccess();

        var ids = response.Data.At($"{rail}.nodes").EnumerateArray().Select(n => n.At("id").GetString());
        Assert.Equal(expected, string.Join(',', ids));
    }

    [SkippableFact]
    public async Task The_catalog_clock_reports_the_instant_and_the_rail_windows()
    {
        var response = (await api.CreateClient().PostGraphQLAsync(
            "{ catalogClock { now recentlyAddedDays newReleaseDays leavingSoonDays } }")).EnsureSuccess();

        Assert.Equal(Now, DateTimeOffset.Parse(response.Data.At("catalogClock.now").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(30, response.Data.At("catalogClock.recentlyAddedDays").GetInt32());
        Assert.Equal(365, response.Data.At("catalogClock.newReleaseDays").GetInt32());
        Assert.Equal(30, response.Data.At("catalogClock.leavingSoonDays").GetInt32());
    }

    [SkippableFact]
    public async Task A_past_asOf_is_open_to_anyone()
    {
        var response = (await api.CreateClient().PostGraphQLAsync(Rail("recentlyAdded"), new { asOf = Iso(Now.AddDays(-199)) })).EnsureSuccess();

        Assert.Equal("recent-release", response.Data.At("recentlyAdded.nodes.0.id").GetString());
        Assert.Equal(1, response.Data.At("recentlyAdded.totalCount").GetInt32());
    }

    [SkippableFact]
    public async Task A_future_asOf_needs_a_curator()
    {
        var asOf = Iso(Now.AddDays(11));

        var anonymous = await api.CreateClient().PostGraphQLAsync(Rail("recentlyAdded"), new { asOf });
        var viewer = await api.CreateClient(api.ViewerToken()).PostGraphQLAsync(Rail("recentlyAdded"), new { asOf });
        var curator = (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(Rail("recentlyAdded"), new { asOf })).EnsureSuccess();

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], viewer.ErrorCodes);
        Assert.Equal("coming", curator.Data.At("recentlyAdded.nodes.0.id").GetString());
    }

    [SkippableFact]
    public async Task Rails_page_with_cursors()
    {
        const string query = "query($after: String) { recentlyAdded(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";
        var client = api.CreateClient();

        var first = (await client.PostGraphQLAsync(query)).EnsureSuccess().Data.At("recentlyAdded");
        var second = (await client.PostGraphQLAsync(query, new { after = first.At("pageInfo.endCursor").GetString() })).EnsureSuccess().Data.At("recentlyAdded");

        Assert.True(first.At("pageInfo.hasNextPage").GetBoolean());
        Assert.Equal("iron-giant", second.At("edges.0.node.id").GetString());
        Assert.False(second.At("pageInfo.hasNextPage").GetBoolean());
    }
}

public sealed class RailQueryTestsOnSqlite(SearchApi<OnSqlite> api) : RailQueryTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class RailQueryTestsOnPostgres(SearchApi<OnPostgres> api) : RailQueryTests<OnPostgres>(api);
