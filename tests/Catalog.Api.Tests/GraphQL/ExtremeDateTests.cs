using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>The ends of the calendar are legal input: rails and date filters answer there, never throw.</summary>
public abstract class ExtremeDateTests<TStore>(SearchApi<TStore> api) : IClassFixture<SearchApi<TStore>>
    where TStore : ITestStore
{
    [SkippableTheory]
    [MemberData(nameof(CalendarEnds.RailsAtBothEnds), MemberType = typeof(CalendarEnds))]
    public async Task Every_rail_answers_at_both_ends_of_the_calendar(string rail, string asOf)
    {
        // A future asOf needs a curator; the past end is open to anyone.
        var client = asOf == CalendarEnds.LastInstant ? api.CreateClient(api.CuratorToken()) : api.CreateClient();

        var response = await client.PostGraphQLAsync(
            $"query($asOf: DateTime) {{ {rail}(asOf: $asOf) {{ totalCount nodes {{ id }} }} }}", new { asOf });

        Assert.Empty(response.ErrorCodes);
        response.EnsureSuccess();
    }

    [SkippableFact]
    public async Task Leaving_soon_at_the_first_instant_is_empty_and_coming_soon_holds_every_available_title()
    {
        var response = (await api.CreateClient().PostGraphQLAsync(
            "query($asOf: DateTime) { leavingSoon(asOf: $asOf) { totalCount } comingSoon(asOf: $asOf) { totalCount } }",
            new { asOf = CalendarEnds.FirstInstant })).EnsureSuccess();

        Assert.Equal(0, response.Data.At("leavingSoon.totalCount").GetInt32());
        Assert.True(response.Data.At("comingSoon.totalCount").GetInt32() >= SearchApi.AvailableNow);
    }

    [SkippableTheory]
    [InlineData("""{ added: { from: "0001-01-01T00:00:00Z", to: "9999-12-31T23:59:59Z" } }""", SearchApi.AvailableNow)]
    [InlineData("""{ released: { from: "0001-01-01", to: "9999-12-31" } }""", SearchApi.AvailableNow)]
    [InlineData("""{ added: { from: "9999-12-31T23:59:59Z" } }""", 0)]
    [InlineData("""{ released: { to: "0001-01-01" } }""", 0)]
    public async Task Search_date_filters_accept_the_ends_of_the_calendar(string filter, int expected)
    {
        var response = (await api.CreateClient().PostGraphQLAsync($"{{ search(filter: {filter}) {{ totalCount }} }}")).EnsureSuccess();

        Assert.Equal(expected, response.Data.At("search.totalCount").GetInt32());
    }
}

/// <summary>The first and last instants GraphQL's DateTime accepts, and the rails to ask at each.</summary>
public static class CalendarEnds
{
    public const string FirstInstant = "0001-01-01T00:00:00Z";
    public const string LastInstant = "9999-12-31T23:59:59Z";

    public static TheoryData<string, string> RailsAtBothEnds()
    {
        var data = new TheoryData<string, string>();
        foreach (var rail in new[] { "recentlyAdded", "newReleases", "newArrivals", "comingSoon", "leavingSoon" })
        {
            data.Add(rail, FirstInstant);
            data.Add(rail, LastInstant);
        }

        return data;
    }

}

public sealed class ExtremeDateTestsOnSqlite(SearchApi<OnSqlite> api) : ExtremeDateTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ExtremeDateTestsOnPostgres(SearchApi<OnPostgres> api) : ExtremeDateTests<OnPostgres>(api);
