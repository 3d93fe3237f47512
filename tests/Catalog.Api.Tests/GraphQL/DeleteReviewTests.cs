using Catalog.Api.Tests.Fixtures;
using Catalog.Core.Changes;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.GraphQL;

public abstract class DeleteReviewTests<TStore>(DeleteReviewTests<TStore>.SeededApi api) : IClassFixture<DeleteReviewTests<TStore>.SeededApi>
    where TStore : ITestStore
{
    public sealed class SeededApi : CatalogApiFactory<TStore>
    {
        protected override async Task SeedAsync() =>
            await this.SeedTitlesAsync(
                NewTitle("deleted-own", "Own Delete", t => (t.RatingSum, t.RatingCount, t.Tags) = (70, 10, ["own-delete"])),
                NewTitle("deleted-moderated", "Moderated"),
                NewTitle("deleted-guarded", "Guarded"));
    }

    private const string Submit = """
        mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }
        """;

    private const string Delete = "mutation($id: ID!) { deleteReview(id: $id) }";

    private const string Vote = """
        mutation($id: ID!) { voteReview(reviewId: $id, helpful: true) { id } }
        """;

    private async Task<string> SubmitAsync(string viewer, string titleId, int rating = 8) =>
        (await api.CreateClient(api.ViewerToken(viewer)).PostGraphQLAsync(Submit, new { input = new { titleId, rating, body = "To be deleted." } }))
            .EnsureSuccess().Data.At("submitReview.id").GetString()!;

    private async Task<int> CountTaggedWithReviewsAsync()
    {
        await api.CatchUpIndexAsync();
        var response = await api.CreateClient().PostGraphQLAsync("""{ search(filter: { tags: ["own-delete"], minVotes: 11 }) { totalCount } }""");
        return response.EnsureSuccess().Data.At("search.totalCount").GetInt32();
    }

    [SkippableFact]
    public async Task Authors_delete_their_own_review_and_its_rating_votes_and_index_entry_go_with_it()
    {
        var id = await SubmitAsync("own-deleter", "deleted-own", rating: 10);
        (await api.CreateClient(api.ViewerToken("fan")).PostGraphQLAsync(Vote, new { id })).EnsureSuccess();
        Assert.Equal(1, await CountTaggedWithReviewsAsync());

        var response = (await api.CreateClient(api.ViewerToken("own-deleter")).PostGraphQLAsync(Delete, new { id })).EnsureSuccess();

        Assert.True(response.Data.At("deleteReview").GetBoolean());
        var title = (await api.CreateClient().PostGraphQLAsync("""{ title(id: "deleted-own") { rating { average count } reviews { totalCount } } }"""))
            .EnsureSuccess().Data.At("title");
        Assert.Equal(10, title.At("rating.count").GetInt32());
        Assert.Equal(7.0, title.At("rating.average").GetDouble(), 10);
        Assert.Equal(0, title.At("reviews.totalCount").GetInt32());
        Assert.Equal(0, await CountTaggedWithReviewsAsync());
        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.False(await db.ReviewVotes.AnyAsync(v => v.ReviewId == id));
        var logged = await db.ChangeLog.Where(c => c.TitleId == "deleted-own" && c.Operation == ChangeOperation.Delete)
            .Select(c => c.Kind).ToListAsync();
        Assert.Equal([ChangeKind.Review, ChangeKind.Vote], logged.Order());
    }

    [SkippableFact]
    public async Task Curators_delete_any_review()
    {
        var id = await SubmitAsync("moderated-author", "deleted-moderated");

        var response = (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(Delete, new { id })).EnsureSuccess();

        Assert.True(response.Data.At("deleteReview").GetBoolean());
        var total = (await api.CreateClient().PostGraphQLAsync("""{ title(id: "deleted-moderated") { rating { count } reviews { totalCount } } }"""))
            .EnsureSuccess().Data.At("title");
        Assert.Equal(0, total.At("reviews.totalCount").GetInt32());
        Assert.Equal(0, total.At("rating.count").GetInt32());
    }

    [SkippableFact]
    public async Task Other_viewers_are_forbidden_anonymous_callers_unauthenticated_and_unknown_ids_not_found()
    {
        var id = await SubmitAsync("guarded-author", "deleted-guarded");

        var otherViewer = await api.CreateClient(api.ViewerToken("intruder")).PostGraphQLAsync(Delete, new { id });
        var anonymous = await api.CreateClient().PostGraphQLAsync(Delete, new { id });
        var unknown = await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(Delete, new { id = "review:0000" });
        var notAReviewId = await api.CreateClient(api.ViewerToken("guarded-author")).PostGraphQLAsync(Delete, new { id = "deleted-guarded" });

        Assert.Equal(["FORBIDDEN"], otherViewer.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes);
        Assert.Equal(["NOT_FOUND"], notAReviewId.ErrorCodes);
        var still = (await api.CreateClient().PostGraphQLAsync("""{ title(id: "deleted-guarded") { reviews { totalCount } } }""")).EnsureSuccess();
        Assert.Equal(1, still.Data.At("title.reviews.totalCount").GetInt32());
    }
}

public sealed class DeleteReviewTestsOnSqlite(DeleteReviewTests<OnSqlite>.SeededApi api) : DeleteReviewTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class DeleteReviewTestsOnPostgres(DeleteReviewTests<OnPostgres>.SeededApi api) : DeleteReviewTests<OnPostgres>(api);
