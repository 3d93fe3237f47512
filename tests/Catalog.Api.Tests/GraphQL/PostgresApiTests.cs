using Catalog.Api.Tests.Fixtures;
using Catalog.Store;
using Catalog.Store.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>The real host over a PostgreSQL store: curation and reviews reach search through the change log.</summary>
public sealed class PostgresApiTests
{
    private sealed class PostgresApi(string connectionString) : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:Store:Provider"] = "Postgres",
            ["Catalog:Store:ConnectionString"] = connectionString,
        };
    }

    private static async Task<int> CountAsync(HttpClient client, string query) =>
        (await client.PostGraphQLAsync(query)).EnsureSuccess().Data.At("search.totalCount").GetInt32();

    [SkippableFact]
    public async Task Curation_reviews_and_search_work_on_a_postgres_store()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var api = new PostgresApi(connectionString);
            await api.SeedTitlesAsync(CatalogApiFactory.NewTitle("heat", "Heat", t => (t.RatingSum, t.RatingCount) = (80, 10)));
            var curator = api.CreateClient(api.CuratorToken());
            (await curator.PostGraphQLAsync("""mutation { upsertTitle(input: { name: "Quokka Chronicles", genres: ["Comedy"] }) { id } }""")).EnsureSuccess();
            (await curator.PostGraphQLAsync("""mutation { setTags(titleId: "heat", tags: ["heist"]) { id } }""")).EnsureSuccess();
            (await api.CreateClient(api.ViewerToken("ann", "Ann")).PostGraphQLAsync(
                "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }",
                new { input = new { titleId = "heat", rating = 3, body = "Long." } })).EnsureSuccess();
            await api.CatchUpIndexAsync();

            var client = api.CreateClient();
            Assert.Equal(1, await CountAsync(client, """{ search(query: "quokka") { totalCount } }"""));
            Assert.Equal(1, await CountAsync(client, """{ search(filter: { tags: ["heist"] }) { totalCount } }"""));
            var heat = (await client.PostGraphQLAsync("""{ title(id: "heat") { rating { count } reviews { totalCount } } }""")).EnsureSuccess().Data.At("title");
            Assert.Equal((11, 1), (heat.At("rating.count").GetInt32(), heat.At("reviews.totalCount").GetInt32()));
            await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
            Assert.IsType<PostgresCatalogDbContext>(db);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
