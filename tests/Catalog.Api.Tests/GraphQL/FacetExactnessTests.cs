using System.Text.Json;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>
/// Over HTTP, a search matching more titles than Catalog:Search:ExactCountLimit says its facet counts are estimates
/// (exact: false) and keeps its total exact; a search at or below the limit says its counts are exact.
/// </summary>
public sealed class FacetExactnessTests(FacetExactnessTests.LowLimitApi api) : IClassFixture<FacetExactnessTests.LowLimitApi>
{
    private const string Search = """
        query($q: String) { search(query: $q, facets: [GENRE, TAG]) { totalCount totalCountIsExact facets { field exact values { value count } } } }
        """;

    public sealed class LowLimitApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Catalog:Search:ExactCountLimit"] = "2" };

        protected override async Task SeedAsync()
        {
            var added = FixedNow.UtcDateTime.AddDays(-10);
            await this.SeedTitlesAsync(
                NewTitle("robot-one", "Robot One", t => (t.AddedAt, t.Genres, t.Tags) = (added, ["Drama"], ["robots"])),
                NewTitle("robot-two", "Robot Two", t => (t.AddedAt, t.Genres, t.Tags) = (added, ["Drama"], ["robots"])),
                NewTitle("robot-three", "Robot Three", t => (t.AddedAt, t.Genres, t.Tags) = (added, ["Comedy"], ["robots"])),
                NewTitle("heat", "Heat", t => (t.AddedAt, t.Genres, t.Tags) = (added, ["Crime"], ["heist"])));
            await Eventually.TrueAsync(async () =>
                (await CreateClient().PostGraphQLAsync("{ search { totalCount } }")).Data.At("search.totalCount").GetInt32() == 4, "the seeded titles");
        }
    }

    [Fact]
    public async Task Above_the_limit_facets_say_they_are_estimates_and_the_total_stays_exact()
    {
        var search = await SearchAsync("robot");

        Assert.Equal(3, search.At("totalCount").GetInt32());
        Assert.True(search.At("totalCountIsExact").GetBoolean());
        Assert.All(search.At("facets").EnumerateArray(), facet => Assert.False(facet.At("exact").GetBoolean()));
    }

    [Fact]
    public async Task At_or_below_the_limit_facets_are_exact()
    {
        var search = await SearchAsync("heat");

        Assert.Equal(1, search.At("totalCount").GetInt32());
        Assert.All(search.At("facets").EnumerateArray(), facet => Assert.True(facet.At("exact").GetBoolean()));
        var genres = search.At("facets").EnumerateArray().Single(f => f.At("field").GetString() == "GENRE").At("values").EnumerateArray();
        Assert.Equal(["Crime=1"], genres.Select(v => $"{v.At("value").GetString()}={v.At("count").GetInt32()}"));
    }

    private async Task<JsonElement> SearchAsync(string text) =>
        (await api.CreateClient().PostGraphQLAsync(Search, new { q = text })).EnsureSuccess().Data.At("search");
}
