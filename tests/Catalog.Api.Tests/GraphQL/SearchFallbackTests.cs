using System.Text.Json;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>The fallback readings of a search through the API: which one answered, the text it answers, and exact: true.</summary>
public sealed class SearchFallbackTests(SearchApi<OnSqlite> api) : IClassFixture<SearchApi<OnSqlite>>
{
    private const string Search = """
        query($q: String, $exact: Boolean) {
          search(query: $q, exact: $exact) { totalCount didYouMean correctedQuery queryRelaxation nodes { id } related { id } } }
        """;

    private async Task<JsonElement> SearchAsync(object variables) =>
        (await api.CreateClient().PostGraphQLAsync(Search, variables)).EnsureSuccess().Data.At("search");

    private static List<string> Ids(JsonElement search) => [.. search.At("nodes").EnumerateArray().Select(n => n.At("id").GetString()!)];

    [Fact]
    public async Task A_query_that_finds_nothing_is_answered_by_a_looser_reading_that_says_which()
    {
        var search = await SearchAsync(new { q = "heat zzqx" });

        Assert.Equal(["heat"], Ids(search));
        Assert.Equal("WORDS_DROPPED", search.At("queryRelaxation").GetString());
        Assert.Equal("heat", search.At("correctedQuery").GetString());
    }

    [Fact]
    public async Task Exact_searches_only_the_text_typed()
    {
        var search = await SearchAsync(new { q = "heat zzqx", exact = true });

        Assert.Equal(0, search.At("totalCount").GetInt32());
        Assert.Equal("NONE", search.At("queryRelaxation").GetString());
        Assert.Equal(JsonValueKind.Null, search.At("correctedQuery").ValueKind);
        Assert.Empty(search.At("related").EnumerateArray());
    }

    [Fact]
    public async Task A_query_that_finds_plenty_is_answered_as_typed()
    {
        var search = await SearchAsync(new { q = "robot" });

        Assert.True(search.At("totalCount").GetInt32() >= 3);
        Assert.Equal("NONE", search.At("queryRelaxation").GetString());
        Assert.Equal(JsonValueKind.Null, search.At("correctedQuery").ValueKind);
    }

    [Fact]
    public async Task Exact_must_be_a_boolean()
    {
        var response = await api.CreateClient().PostGraphQLAsync("""{ search(query: "heat", exact: "yes") { totalCount } }""");

        Assert.True(response.HasErrors);
        Assert.NotEqual(System.Net.HttpStatusCode.InternalServerError, response.Status);
    }
}
