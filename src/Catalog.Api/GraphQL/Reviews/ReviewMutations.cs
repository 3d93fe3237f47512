using Catalog.Api.GraphQL.Common;
using Catalog.Store.Writes;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Reviews;

public sealed class SubmitReviewInputType : InputObjectGraphType
{
    public SubmitReviewInputType()
    {
        Name = "SubmitReviewInput";
        Field<NonNullGraphType<IdGraphType>>("titleId");
        Field<NonNullGraphType<IntGraphType>>("rating").Description("1–10.");
        Field<NonNullGraphType<StringGraphType>>("body").Description("Plain text, 1–10,000 characters after trimming.");
    }
}

public static class ReviewMutations
{
    public static void AddReviewMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ReviewType>>("submitReview")
            .Description("Viewer. One review per viewer per title: submitting again replaces your review.")
            .Argument<NonNullGraphType<SubmitReviewInputType>>("input")
            .ResolveAsync(async c =>
            {
                var caller = Caller.RequireViewer(c);
                c.Service<ViewerRateLimiter>().CheckReview(caller);
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var titleId = (string)input["titleId"]!;
                var rating = (int)input["rating"]!;
                var body = (string?)input["body"];
                return await WriteErrors.RunAsync(() => c.Service<ReviewService>()
                    .SubmitAsync(new ReviewAuthor(caller.Id, caller.DisplayName), titleId, rating, body, c.CancellationToken));
            });

        mutation.Field<NonNullGraphType<ReviewType>>("voteReview")
            .Description("Viewer. One vote per viewer per review: voting again changes your vote. You cannot vote on your own review.")
            .Argument<NonNullGraphType<IdGraphType>>("reviewId")
            .Argument<NonNullGraphType<BooleanGraphType>>("helpful")
            .ResolveAsync(async c =>
            {
                var caller = Caller.RequireViewer(c);
                c.Service<ViewerRateLimiter>().CheckVote(caller);
                var reviewId = c.GetArgument<string>("reviewId");
                var helpful = c.GetArgument<bool>("helpful");
                return await WriteErrors.RunAsync(() => c.Service<ReviewService>().VoteAsync(caller.Id, reviewId, helpful, c.CancellationToken));
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("deleteReview")
            .Description("Viewer: deletes your own review. Curator: deletes any review (moderation). Its rating leaves the title's rating.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var caller = Caller.RequireViewer(c);
                var id = c.GetArgument<string>("id");
                return await WriteErrors.RunAsync(async () =>
                {
                    await c.Service<ReviewService>().DeleteAsync(caller.Id, caller.IsCurator, id, c.CancellationToken);
                    return true;
                });
            });
    }
}
