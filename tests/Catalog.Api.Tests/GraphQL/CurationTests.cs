using System.Text.Json;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

public abstract class CurationTests<TStore>(CurationTests<TStore>.SeededApi api) : IClassFixture<CurationTests<TStore>.SeededApi>
    where TStore : ITestStore
{
    public sealed class SeededApi : CatalogApiFactory<TStore>
    {
        protected override async Task SeedAsync() =>
            await this.SeedTitlesAsync(NewTitle("tagged", "Tagged", t => t.Tags = ["old"]));
    }

    private const string Upsert = """
        mutation($input: TitleInput!) { upsertTitle(input: $input) {
          id kind name year releaseDate addedAt availableUntil runtimeMinutes genres tags imdbId imdbUrl synopsis } }
        """;

    [SkippableFact]
    public async Task Upsert_creates_with_a_derived_id_then_updates_only_the_fields_sent()
    {
        var curator = api.CreateClient(api.CuratorToken());
        var created = (await curator.PostGraphQLAsync(Upsert, new
        {
            input = new
            {
                name = "Spider-Man: Into the Spider-Verse", kind = "MOVIE", releaseDate = "2018-12-14",
                genres = new[] { "Animation", "Action" }, tags = new[] { " Multiverse ", "MULTIVERSE" }, imdbId = "tt4633694", runtimeMinutes = 117,
            },
        })).EnsureSuccess().Data.At("upsertTitle");

        Assert.Equal("spider-man-into-the-spider-verse-2018", created.At("id").GetString());
        Assert.Equal(2018, created.At("year").GetInt32());
        Assert.Equal("2026-01-15T12:00:00Z", created.At("addedAt").GetString());
        Assert.Equal(["multiverse"], created.At("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://www.imdb.com/title/tt4633694/", created.At("imdbUrl").GetString());

        var updated = (await curator.PostGraphQLAsync(Upsert, new
        {
            input = new { id = "spider-man-into-the-spider-verse-2018", synopsis = "Miles Morales.", runtimeMinutes = (int?)null, availableUntil = "2026-06-01T00:00:00+02:00" },
        })).EnsureSuccess();
        var title = (await curator.PostGraphQLAsync("""{ title(id: "spider-man-into-the-spider-verse-2018") { name synopsis runtimeMinutes availableUntil genres } }"""))
            .EnsureSuccess().Data.At("title");
        Assert.Equal("Spider-Man: Into the Spider-Verse", title.At("name").GetString());
        Assert.Equal("Miles Morales.", title.At("synopsis").GetString());
        Assert.Equal(JsonValueKind.Null, title.At("runtimeMinutes").ValueKind);
        Assert.Equal("2026-05-31T22:00:00Z", title.At("availableUntil").GetString());
        Assert.Equal(2, title.At("genres").GetArrayLength());
        Assert.Equal("Miles Morales.", updated.Data.At("upsertTitle.synopsis").GetString());
    }

    [SkippableTheory]
    [InlineData("""{ "id": "bad id!", "name": "X" }""")]
    [InlineData("""{ "year": 1999 }""")]
    [InlineData("""{ "name": "X", "releaseDate": "1994-01-01", "year": 1995 }""")]
    [InlineData("""{ "name": "X", "imdbId": "nm0000001" }""")]
    [InlineData("""{ "name": "X", "runtimeMinutes": -5 }""")]
    public async Task Invalid_titles_are_bad_user_input(string input)
    {
        var response = await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(Upsert, new { input = JsonDocument.Parse(input).RootElement });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [SkippableFact]
    public async Task Invalid_dates_are_rejected_before_execution()
    {
        var response = await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(Upsert, new { input = new { name = "X", releaseDate = "1994-02-30" } });

        Assert.Equal(400, (int)response.Status);
        Assert.Contains("Date", response.Body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SetTags_normalises_and_is_reflected_in_the_title()
    {
        var response = (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(
            """mutation { setTags(titleId: "tagged", tags: ["  Time Travel ", "time travel", "Heist"]) { tags } }""")).EnsureSuccess();

        Assert.Equal(["time travel", "heist"], response.Data.At("setTags.tags").EnumerateArray().Select(t => t.GetString()));
        var unknown = await api.CreateClient(api.CuratorToken()).PostGraphQLAsync("""mutation { setTags(titleId: "nope", tags: []) { id } }""");
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes);
    }

    [SkippableTheory]
    [InlineData("""mutation { upsertTitle(input: { name: "Sneaky" }) { id } }""")]
    [InlineData("""mutation { setTags(titleId: "tagged", tags: ["hacked"]) { id } }""")]
    [InlineData("""mutation { startReindex { id } }""")]
    [InlineData("""{ reindexJob(id: "any") { id } }""")]
    public async Task Curator_operations_refuse_viewers_and_anonymous_callers(string operation)
    {
        var anonymous = await api.CreateClient().PostGraphQLAsync(operation);
        var viewer = await api.CreateClient(api.ViewerToken()).PostGraphQLAsync(operation);

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], viewer.ErrorCodes);
        Assert.True(viewer.Data.ValueKind == JsonValueKind.Null || viewer.Data.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Null));
        var tags = (await api.CreateClient().PostGraphQLAsync("""{ title(id: "tagged") { tags } }""")).EnsureSuccess();
        Assert.DoesNotContain("hacked", tags.Data.At("title.tags").EnumerateArray().Select(t => t.GetString()));
    }

    [SkippableFact]
    public async Task StartReindex_returns_a_job_that_reindexJob_reports()
    {
        var curator = api.CreateClient(api.CuratorToken());

        var job = (await curator.PostGraphQLAsync("mutation { startReindex { id state total } }")).EnsureSuccess().Data.At("startReindex");
        var found = (await curator.PostGraphQLAsync("query($id: ID!) { reindexJob(id: $id) { id state progress processed total startedAt } }",
            new { id = job.At("id").GetString() })).EnsureSuccess().Data.At("reindexJob");

        Assert.Equal(job.At("id").GetString(), found.At("id").GetString());
        Assert.Contains(found.At("state").GetString(), new[] { "QUEUED", "RUNNING", "SUCCEEDED" });
    }
}

public sealed class CurationTestsOnSqlite(CurationTests<OnSqlite>.SeededApi api) : CurationTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class CurationTestsOnPostgres(CurationTests<OnPostgres>.SeededApi api) : CurationTests<OnPostgres>(api);
