using System.Text.Json;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>What the page needs to know about the signed-in caller: who they are, their review, their votes.</summary>
public abstract class ViewerFieldsTests<TStore>(ViewerFieldsTests<TStore>.SeededApi api) : IClassFixture<ViewerFieldsTests<TStore>.SeededApi>
    where TStore : ITestStore
{
    public sealed class SeededApi : CatalogApiFactory<TStore>
    {
        protected override async Task SeedAsync() =>
            await this.SeedTitlesAsync(NewTitle("own-title", "Owned"), NewTitle("vote-target", "Voted On"));
    }

    private const string Submit = """
        mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }
        """;

    private const string Vote = """
        mutation($id: ID!, $helpful: Boolean!) { voteReview(reviewId: $id, helpful: $helpful) { id } }
        """;

    private static async Task<string> SubmitAsync(HttpClient client, string titleId, int rating, string body) =>
        (await client.PostGraphQLAsync(Submit, new { input = new { titleId, rating, body } }))
            .EnsureSuccess().Data.At("submitReview.id").GetString()!;

    [SkippableFact]
    public async Task Viewer_is_null_when_anonymous_and_names_the_token_otherwise()
    {
        var anonymous = (await api.CreateClient().PostGraphQLAsync("{ viewer { id } }")).EnsureSuccess();
        var viewer = (await api.CreateClient(api.ViewerToken("v-7", "Vera")).PostGraphQLAsync("{ viewer { id name role } }")).EnsureSuccess();
        var curator = (await api.CreateClient(api.CuratorToken("c-1", name: null)).PostGraphQLAsync("{ viewer { id name role } }")).EnsureSuccess();

        Assert.Equal(JsonValueKind.Null, anonymous.Data.At("viewer").ValueKind);
        Assert.Equal("v-7", viewer.Data.At("viewer.id").GetString());
        Assert.Equal("Vera", viewer.Data.At("viewer.name").GetString());
        Assert.Equal("VIEWER", viewer.Data.At("viewer.role").GetString());
        Assert.Equal("c-1", curator.Data.At("viewer.name").GetString());
        Assert.Equal("CURATOR", curator.Data.At("viewer.role").GetString());
    }

    [SkippableFact]
    public async Task ViewerReview_is_the_callers_own_review_only()
    {
        var author = api.CreateClient(api.ViewerToken("own-author", "Olive"));
        var id = await SubmitAsync(author, "own-title", 6, "Mine.");
        const string Query = """{ title(id: "own-title") { viewerReview { id rating body } } }""";

        var own = (await author.PostGraphQLAsync(Query)).EnsureSuccess();
        var other = (await api.CreateClient(api.ViewerToken("someone-else")).PostGraphQLAsync(Query)).EnsureSuccess();
        var anonymous = (await api.CreateClient().PostGraphQLAsync(Query)).EnsureSuccess();

        Assert.Equal(id, own.Data.At("title.viewerReview.id").GetString());
        Assert.Equal(6, own.Data.At("title.viewerReview.rating").GetInt32());
        Assert.Equal("Mine.", own.Data.At("title.viewerReview.body").GetString());
        Assert.Equal(JsonValueKind.Null, other.Data.At("title.viewerReview").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.Data.At("title.viewerReview").ValueKind);
    }

    [SkippableFact]
    public async Task ViewerVote_follows_the_callers_vote_and_is_null_for_others()
    {
        var id = await SubmitAsync(api.CreateClient(api.ViewerToken("vote-author")), "vote-target", 8, "Vote on me.");
        var voter = api.CreateClient(api.ViewerToken("voter"));
        var query = $$"""{ node(id: "{{id}}") { ... on Review { viewerVote } } }""";

        var before = (await voter.PostGraphQLAsync(query)).EnsureSuccess().Data.At("node.viewerVote");
        (await voter.PostGraphQLAsync(Vote, new { id, helpful = true })).EnsureSuccess();
        var helpful = (await voter.PostGraphQLAsync(query)).EnsureSuccess().Data.At("node.viewerVote");
        (await voter.PostGraphQLAsync(Vote, new { id, helpful = false })).EnsureSuccess();
        var unhelpful = (await voter.PostGraphQLAsync(query)).EnsureSuccess().Data.At("node.viewerVote");
        var otherViewer = (await api.CreateClient(api.ViewerToken("not-voted")).PostGraphQLAsync(query)).EnsureSuccess().Data.At("node.viewerVote");
        var anonymous = (await api.CreateClient().PostGraphQLAsync(query)).EnsureSuccess().Data.At("node.viewerVote");

        Assert.Equal(JsonValueKind.Null, before.ValueKind);
        Assert.Equal(JsonValueKind.True, helpful.ValueKind);
        Assert.Equal(JsonValueKind.False, unhelpful.ValueKind);
        Assert.Equal(JsonValueKind.Null, otherViewer.ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.ValueKind);
    }
}

public sealed class ViewerFieldsTestsOnSqlite(ViewerFieldsTests<OnSqlite>.SeededApi api) : ViewerFieldsTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ViewerFieldsTestsOnPostgres(ViewerFieldsTests<OnPostgres>.SeededApi api) : ViewerFieldsTests<OnPostgres>(api);
