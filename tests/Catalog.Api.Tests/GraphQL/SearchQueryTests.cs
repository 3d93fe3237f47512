using System.Text.Json;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

public abstract class SearchQueryTests<TStore>(SearchApi<TStore> api) : IClassFixture<SearchApi<TStore>>
    where TStore : ITestStore
{
    private const string Search = """
        query($q: String, $filter: TitleFilter, $sort: TitleSort, $facets: [FacetField!], $first: Int, $after: String) {
          search(query: $q, filter: $filter, sort: $sort, facets: $facets, first: $first, after: $after) {
            totalCount didYouMean tookMs
            edges { cursor score node { id rating { weighted } } highlights { field snippet } }
            related { id }
            facets { field values { value count selected } }
            pageInfo { hasNextPage hasPreviousPage endCursor } } }
        """;

    private async Task<JsonElement> SearchAsync(object variables) =>
        (await api.CreateClient().PostGraphQLAsync(Search, variables)).EnsureSuccess().Data.At("search");

    private static List<string> Ids(JsonElement search) =>
        [.. search.At("edges").EnumerateArray().Select(e => e.At("node.id").GetString()!)];

    [SkippableFact]
    public async Task Highlights_asked_for_through_fragments_are_made_and_a_search_without_them_finds_the_same_titles()
    {
        // Snippets are made only when the document selects edges.highlights: fragments must count as selecting them.
        const string throughFragments = """
            query($q: String) { search(query: $q) { ...Page } }
            fragment Page on TitleSearchResult { edges { node { id } ... on TitleSearchEdge { highlights { snippet } } } }
            """;
        const string without = "query($q: String) { search(query: $q) { edges { node { id } } } }";
        var client = api.CreateClient();

        var highlighted = (await client.PostGraphQLAsync(throughFragments, new { q = "robot" })).EnsureSuccess().Data.At("search");
        var plain = (await client.PostGraphQLAsync(without, new { q = "robot" })).EnsureSuccess().Data.At("search");

        var snippets = highlighted.At("edges").EnumerateArray().SelectMany(e => e.At("highlights").EnumerateArray()).Select(h => h.At("snippet").GetString());
        Assert.Contains(snippets, s => s!.Contains("<mark>", StringComparison.Ordinal));
        Assert.Equal(Ids(highlighted), Ids(plain));
    }

    [SkippableFact]
    public async Task Words_find_titles_by_name_and_tag_with_highlights()
    {
        var search = await SearchAsync(new { q = "robot" });

        Assert.Subset(Ids(search).ToHashSet(), new HashSet<string> { "robot-dreams", "iron-giant", "mr-robot" });
        Assert.DoesNotContain("heat", Ids(search));
        var highlights = search.At("edges").EnumerateArray().SelectMany(e => e.At("highlights").EnumerateArray()).Select(h => h.At("snippet").GetString());
        Assert.Contains(highlights, s => s!.Contains("<mark>", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Filters_combine_and_facet_counts_are_disjunctive()
    {
        var search = await SearchAsync(new { filter = new { genres = new[] { "Drama" } }, facets = new[] { "GENRE", "KIND", "HAS_TRAILER" } });

        Assert.Equal(["heat", "mr-robot", "robot-dreams"], Ids(search).Order());
        var genres = search.At("facets").EnumerateArray().Single(f => f.At("field").GetString() == "GENRE").At("values").EnumerateArray().ToList();
        var animation = genres.Single(v => v.At("value").GetString() == "Animation");
        Assert.Equal(2, animation.At("count").GetInt32());
        Assert.False(animation.At("selected").GetBoolean());
        Assert.True(genres.Single(v => v.At("value").GetString() == "Drama").At("selected").GetBoolean());
    }

    [SkippableFact]
    public async Task HasTrailer_and_kinds_filter()
    {
        Assert.Equal(["robot-dreams"], Ids(await SearchAsync(new { filter = new { hasTrailer = true } })));
        Assert.Equal(["mr-robot"], Ids(await SearchAsync(new { filter = new { kinds = new[] { "SERIES" } } })));
        var robotsReleased = await SearchAsync(new { filter = new { released = new { from = "1995-01-01", to = "2023-12-31" }, tags = new[] { "robots" } } });
        Assert.Equal(["iron-giant", "robot-dreams"], Ids(robotsReleased).Order());
        Assert.Equal(["heat"], Ids(await SearchAsync(new { filter = new { releaseYear = new { min = 1995, max = 1995 } } })));
    }

    [SkippableFact]
    public async Task Rating_sort_trusts_many_votes_over_a_few_perfect_ones_and_matches_weighted_rating()
    {
        var search = await SearchAsync(new { sort = "RATING", first = 10 });

        var ids = Ids(search);
        Assert.True(ids.IndexOf("iron-giant") < ids.IndexOf("mr-robot"));
        var weighted = search.At("edges").EnumerateArray().Select(e => e.At("node.rating.weighted").GetDouble()).ToList();
        Assert.Equal(weighted.OrderDescending(), weighted);
    }

    [SkippableFact]
    public async Task Name_sort_pages_through_everything_once_with_cursors()
    {
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await SearchAsync(new { sort = "NAME", first = 3, after });
            Assert.Equal(SearchApi.AvailableNow, page.At("totalCount").GetInt32());
            Assert.Equal(after is not null, page.At("pageInfo.hasPreviousPage").GetBoolean());
            seen.AddRange(Ids(page));
            after = page.At("pageInfo.hasNextPage").GetBoolean() ? page.At("pageInfo.endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(["new-arrival", "heat", "leaving", "mr-robot", "recent-release", "robot-dreams", "iron-giant"], seen);
    }

    [SkippableTheory]
    [InlineData("{ search(after: \"not-a-cursor\") { totalCount } }")]
    [InlineData("{ search(first: 0) { totalCount } }")]
    [InlineData("{ search(first: 101) { totalCount } }")]
    [InlineData("{ search(filter: { releaseYear: { min: 2000, max: 1990 } }) { totalCount } }")]
    [InlineData("{ search(filter: { minRating: 11 }) { totalCount } }")]
    public async Task Bad_arguments_are_bad_user_input(string query)
    {
        var response = await api.CreateClient().PostGraphQLAsync(query);

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [SkippableFact]
    public async Task A_huge_first_is_refused_with_a_clear_error()
    {
        var response = await api.CreateClient().PostGraphQLAsync("{ search(first: 100000) { totalCount } }");

        Assert.True(response.HasErrors);
        Assert.Contains("first", response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task A_filter_listing_too_many_values_is_bad_user_input_not_a_server_error()
    {
        var tags = Enumerable.Range(0, 300).Select(i => $"tag-{i}").ToArray();

        var response = await api.CreateClient().PostGraphQLAsync(Search, new { filter = new { anyTags = tags } });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.Contains("filter.anyTags", response.Body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("title:(")]
    [InlineData("\"")]
    [InlineData("*~^\\")]
    [InlineData("zzqxvb")]
    public async Task Any_text_gives_results_or_an_empty_result_never_unrelated_padding(string q)
    {
        var search = await SearchAsync(new { q });

        Assert.Equal(search.At("totalCount").GetInt32(), Ids(search).Count);
        Assert.DoesNotContain(search.At("related").EnumerateArray().Select(r => r.At("id").GetString()!), Ids(search).Contains);
    }

    [SkippableFact]
    public async Task Suggest_tags_genres_and_similar_answer()
    {
        var data = (await api.CreateClient().PostGraphQLAsync("""
            { suggest(prefix: "rob") { text kind titleId } tags(prefix: "rob") { value count } genres { value count }
              title(id: "iron-giant") { similar(first: 3) { id } } }
            """)).EnsureSuccess().Data;

        Assert.NotEqual(0, data.At("suggest").GetArrayLength());
        Assert.Equal(("robots", 2), (data.At("tags.0.value").GetString(), data.At("tags.0.count").GetInt32()));
        Assert.Contains(data.At("genres").EnumerateArray(), g => g.At("value").GetString() == "Drama");
        Assert.DoesNotContain(data.At("title.similar").EnumerateArray(), s => s.At("id").GetString() == "iron-giant");
    }
}

public sealed class SearchQueryTestsOnSqlite(SearchApi<OnSqlite> api) : SearchQueryTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class SearchQueryTestsOnPostgres(SearchApi<OnPostgres> api) : SearchQueryTests<OnPostgres>(api);
