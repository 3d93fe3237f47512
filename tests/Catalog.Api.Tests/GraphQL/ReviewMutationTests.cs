using System.Text.Json;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

public abstract class ReviewMutationTests<TStore>(ReviewMutationTests<TStore>.SeededApi api) : IClassFixture<ReviewMutationTests<TStore>.SeededApi>
    where TStore : ITestStore
{
    public sealed class SeededApi : CatalogApiFactory<TStore>
    {
        protected override async Task SeedAsync() =>
            await this.SeedTitlesAsync(
                NewTitle("submit-title", "Submitted", t => (t.RatingSum, t.RatingCount) = (80, 10)),
                NewTitle("vote-title", "Voted"),
                NewTitle("crowd-title", "Crowded"),
                NewTitle("auth-title", "Guarded"),
                NewTitle("script-title", "Scripts"));
    }

    private const string Submit = """
        mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id author rating body createdAt helpfulVotes } }
        """;

    private const string Vote = """
        mutation($id: ID!, $helpful: Boolean!) { voteReview(reviewId: $id, helpful: $helpful) { id helpfulVotes unhelpfulVotes } }
        """;

    private async Task<string> SubmitAsync(string viewer, string titleId, int rating = 8, string body = "Worth it.")
    {
        var response = await api.CreateClient(api.ViewerToken(viewer, "Name " + viewer))
            .PostGraphQLAsync(Submit, new { input = new { titleId, rating, body } });
        return response.EnsureSuccess().Data.At("submitReview.id").GetString()!;
    }

    [SkippableFact]
    public async Task Submit_returns_the_review_and_moves_the_title_rating()
    {
        var client = api.CreateClient(api.ViewerToken("sub-viewer", "Sam"));
        var response = (await client.PostGraphQLAsync(Submit, new { input = new { titleId = "submit-title", rating = 3, body = "  Too long.  " } })).EnsureSuccess();

        Assert.Equal("Sam", response.Data.At("submitReview.author").GetString());
        Assert.Equal("Too long.", response.Data.At("submitReview.body").GetString());
        Assert.Equal("2026-01-15T12:00:00Z", response.Data.At("submitReview.createdAt").GetString());
        var title = (await client.PostGraphQLAsync("""{ title(id: "submit-title") { rating { average count } reviews { totalCount nodes { author } } } }"""))
            .EnsureSuccess().Data.At("title");
        Assert.Equal(11, title.At("rating.count").GetInt32());
        Assert.Equal(83.0 / 11, title.At("rating.average").GetDouble(), 10);
        Assert.Equal(1, title.At("reviews.totalCount").GetInt32());
    }

    [SkippableTheory]
    [InlineData(0, "fine")]
    [InlineData(11, "fine")]
    [InlineData(5, "")]
    [InlineData(5, "nul\u0000byte")]
    [InlineData(5, "great film \u202Eexe.txt")]
    [InlineData(5, "isolated \u2067text\u2069")]
    [InlineData(5, "zero\u200Bwidth")]
    public async Task Invalid_reviews_are_bad_user_input(int rating, string body)
    {
        var response = await api.CreateClient(api.ViewerToken("bad-input")).PostGraphQLAsync(Submit, new { input = new { titleId = "submit-title", rating, body } });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
    }

    [SkippableFact]
    public async Task Bidi_override_characters_are_refused_with_the_code_point_named()
    {
        var response = await api.CreateClient(api.ViewerToken("bidi")).PostGraphQLAsync(Submit, new { input = new { titleId = "submit-title", rating = 5, body = "nice \u202Etxt.exe" } });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.Contains("U+202E", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Joiners_and_direction_marks_that_scripts_need_are_accepted()
    {
        var response = await api.CreateClient(api.ViewerToken("joiners")).PostGraphQLAsync(Submit, new { input = new { titleId = "script-title", rating = 7, body = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u200F \U0001F469\u200D\U0001F4BB" } });

        response.EnsureSuccess();
    }

    [SkippableFact]
    public async Task Reviewing_an_unknown_title_is_not_found()
    {
        var response = await api.CreateClient(api.ViewerToken("lost")).PostGraphQLAsync(Submit, new { input = new { titleId = "no-such-title", rating = 5, body = "?" } });

        Assert.Equal(["NOT_FOUND"], response.ErrorCodes);
    }

    [SkippableFact]
    public async Task Anonymous_callers_cannot_review_or_vote_and_get_no_data()
    {
        var anonymous = api.CreateClient();
        var review = await anonymous.PostGraphQLAsync(Submit, new { input = new { titleId = "auth-title", rating = 5, body = "x" } });
        var vote = await anonymous.PostGraphQLAsync(Vote, new { id = "review:whatever", helpful = true });

        Assert.Equal(["UNAUTHENTICATED"], review.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], vote.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, review.Data.ValueKind);
        var count = (await anonymous.PostGraphQLAsync("""{ title(id: "auth-title") { reviews { totalCount } } }""")).EnsureSuccess();
        Assert.Equal(0, count.Data.At("title.reviews.totalCount").GetInt32());
    }

    [SkippableFact]
    public async Task Revoting_changes_the_vote_and_self_votes_are_refused()
    {
        var reviewId = await SubmitAsync("vote-author", "vote-title");
        var voter = api.CreateClient(api.ViewerToken("vote-voter"));

        (await voter.PostGraphQLAsync(Vote, new { id = reviewId, helpful = true })).EnsureSuccess();
        var changed = (await voter.PostGraphQLAsync(Vote, new { id = reviewId, helpful = false })).EnsureSuccess();
        var own = await api.CreateClient(api.ViewerToken("vote-author")).PostGraphQLAsync(Vote, new { id = reviewId, helpful = true });

        Assert.Equal(0, changed.Data.At("voteReview.helpfulVotes").GetInt32());
        Assert.Equal(1, changed.Data.At("voteReview.unhelpfulVotes").GetInt32());
        Assert.Equal(["BAD_USER_INPUT"], own.ErrorCodes);
    }

    [SkippableFact]
    public async Task Votes_from_fifty_concurrent_viewers_are_each_counted_once()
    {
        var reviewId = await SubmitAsync("crowd-author", "crowd-title");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            api.CreateClient(api.ViewerToken($"crowd-{i}")).PostGraphQLAsync(Vote, new { id = reviewId, helpful = i % 5 != 0 })));

        Assert.All(responses, r => r.EnsureSuccess());
        var node = (await api.CreateClient().PostGraphQLAsync(
            "query($id: ID!) { node(id: $id) { ... on Review { helpfulVotes unhelpfulVotes } } }", new { id = reviewId })).EnsureSuccess();
        Assert.Equal(40, node.Data.At("node.helpfulVotes").GetInt32());
        Assert.Equal(10, node.Data.At("node.unhelpfulVotes").GetInt32());
    }
}

public sealed class ReviewMutationTestsOnSqlite(ReviewMutationTests<OnSqlite>.SeededApi api) : ReviewMutationTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ReviewMutationTestsOnPostgres(ReviewMutationTests<OnPostgres>.SeededApi api) : ReviewMutationTests<OnPostgres>(api);
