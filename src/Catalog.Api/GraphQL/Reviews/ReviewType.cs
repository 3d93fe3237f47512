using Catalog.Api.GraphQL.Common;
using Catalog.Core.Ranking;
using Catalog.Core.Reviews;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Reviews;

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Review;

        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("titleId").Resolve(c => c.Source.TitleId);
        Field<NonNullGraphType<StringGraphType>>("author").Description("The reviewer's display name.").Resolve(c => c.Source.AuthorName);
        Field<NonNullGraphType<IntGraphType>>("rating").Description("1–10.").Resolve(c => c.Source.Rating);
        Field<NonNullGraphType<StringGraphType>>("body").Description("Plain text; render it as text, never as HTML.").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<IntGraphType>>("helpfulVotes").Resolve(c => c.Source.HelpfulVotes);
        Field<NonNullGraphType<IntGraphType>>("unhelpfulVotes").Resolve(c => c.Source.UnhelpfulVotes);
        Field<NonNullGraphType<FloatGraphType>>("helpfulness")
            .Description("Wilson score lower bound (95%) of the helpful share of votes; 0 without votes.")
            .Resolve(c => WilsonScore.LowerBound(c.Source.HelpfulVotes, c.Source.UnhelpfulVotes));
        Field<BooleanGraphType>("viewerVote")
            .Description("The signed-in viewer's vote on this review: true helpful, false not helpful, null not voted or anonymous.")
            .Resolve(c => Caller.Viewer(c) is { } viewer
                ? c.Service<ReviewReader>().ViewerVote(viewer.Id, c.Source.Id).Then(vote => vote?.Helpful)
                : null);
    }
}
