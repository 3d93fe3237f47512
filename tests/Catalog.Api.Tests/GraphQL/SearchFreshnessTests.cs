using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>Edits through the API reach search through the change log, without a reindex.</summary>
public abstract class SearchFreshnessTests<TStore>(SearchApi<TStore> api) : IClassFixture<SearchApi<TStore>>
    where TStore : ITestStore
{
    private async Task<int> CountAsync(string query, object? variables = null)
    {
        var response = await api.CreateClient().PostGraphQLAsync(query, variables);
        return response.HasErrors ? -1 : response.Data.At("search.totalCount").GetInt32();
    }

    [SkippableFact]
    public async Task An_upserted_title_becomes_searchable()
    {
        (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(
            """mutation { upsertTitle(input: { name: "Quokka Chronicles", genres: ["Comedy"] }) { id } }""")).EnsureSuccess();

        await Eventually.TrueAsync(async () => await CountAsync("""{ search(query: "quokka") { totalCount } }""") == 1, "the new title in search");
    }

    [SkippableFact]
    public async Task New_tags_become_filterable()
    {
        (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(
            """mutation { setTags(titleId: "heat", tags: ["heist", "los angeles"]) { id } }""")).EnsureSuccess();

        await Eventually.TrueAsync(
            async () => await CountAsync("""{ search(filter: { tags: ["los angeles"] }) { totalCount } }""") == 1, "the new tag in search");
    }
}

public sealed class SearchFreshnessTestsOnSqlite(SearchApi<OnSqlite> api) : SearchFreshnessTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class SearchFreshnessTestsOnPostgres(SearchApi<OnPostgres> api) : SearchFreshnessTests<OnPostgres>(api);
