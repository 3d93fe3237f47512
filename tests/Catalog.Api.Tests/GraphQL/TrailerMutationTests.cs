using System.Text.Json;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

public abstract class TrailerMutationTests<TStore>(TrailerMutationTests<TStore>.SeededApi api) : IClassFixture<TrailerMutationTests<TStore>.SeededApi>
    where TStore : ITestStore
{
    public sealed class SeededApi : CatalogApiFactory<TStore>
    {
        protected override async Task SeedAsync() =>
            await this.SeedTitlesAsync(NewTitle("trailer-title", "Trailered"), NewTitle("refused-title", "Untouched"));
    }

    private const string Add = """
        mutation($t: ID!, $input: TrailerInput!) { addTrailer(titleId: $t, input: $input) { id url embedUrl site kind language } }
        """;

    [SkippableFact]
    public async Task Curator_adds_and_removes_a_youtube_trailer_with_its_embed_url()
    {
        var curator = api.CreateClient(api.CuratorToken());
        var added = (await curator.PostGraphQLAsync(Add, new { t = "trailer-title", input = new { url = "https://youtu.be/dQw4w9WgXcQ", language = "en" } }))
            .EnsureSuccess().Data.At("addTrailer");

        Assert.Equal("YOUTUBE", added.At("site").GetString());
        Assert.Equal("TRAILER", added.At("kind").GetString());
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", added.At("embedUrl").GetString());
        var title = (await curator.PostGraphQLAsync("""{ title(id: "trailer-title") { hasTrailer trailers { id } } }""")).EnsureSuccess().Data.At("title");
        Assert.True(title.At("hasTrailer").GetBoolean());

        var id = added.At("id").GetString();
        const string remove = "mutation($id: ID!) { removeTrailer(id: $id) }";
        Assert.True((await curator.PostGraphQLAsync(remove, new { id })).EnsureSuccess().Data.At("removeTrailer").GetBoolean());
        Assert.False((await curator.PostGraphQLAsync(remove, new { id })).EnsureSuccess().Data.At("removeTrailer").GetBoolean());
    }

    [SkippableFact]
    public async Task Vimeo_links_embed_through_the_vimeo_player()
    {
        var added = (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(Add, new { t = "trailer-title", input = new { url = "https://vimeo.com/76979871", kind = "TEASER" } }))
            .EnsureSuccess().Data.At("addTrailer");

        Assert.Equal(("VIMEO", "TEASER", "https://player.vimeo.com/video/76979871"),
            (added.At("site").GetString(), added.At("kind").GetString(), added.At("embedUrl").GetString()));
    }

    [SkippableTheory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("https://evil.example/trailer.mp4")]
    [InlineData("https://www.youtube.com/embed/'onload='alert(1)")]
    [InlineData("https://vimeo.com/1\"><script>alert(1)</script>")]
    public async Task Unsafe_or_foreign_urls_are_refused_with_a_clear_message(string url)
    {
        var curator = api.CreateClient(api.CuratorToken());
        var response = await curator.PostGraphQLAsync(Add, new { t = "refused-title", input = new { url } });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.StartsWith("Refused trailer URL", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var title = (await curator.PostGraphQLAsync("""{ title(id: "refused-title") { hasTrailer } }""")).EnsureSuccess();
        Assert.False(title.Data.At("title.hasTrailer").GetBoolean());
    }

    [SkippableTheory]
    [InlineData(null, "UNAUTHENTICATED")]
    [InlineData("viewer", "FORBIDDEN")]
    public async Task Only_curators_may_edit_trailers(string? role, string code)
    {
        var client = api.CreateClient(role is null ? null : api.ViewerToken());
        var add = await client.PostGraphQLAsync(Add, new { t = "refused-title", input = new { url = "https://youtu.be/dQw4w9WgXcQ" } });
        var remove = await client.PostGraphQLAsync("""mutation { removeTrailer(id: "any") }""");

        Assert.Equal([code], add.ErrorCodes);
        Assert.Equal([code], remove.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, add.Data.ValueKind);
    }
}

public sealed class TrailerMutationTestsOnSqlite(TrailerMutationTests<OnSqlite>.SeededApi api) : TrailerMutationTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class TrailerMutationTestsOnPostgres(TrailerMutationTests<OnPostgres>.SeededApi api) : TrailerMutationTests<OnPostgres>(api);
