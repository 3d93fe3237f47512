using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Core.Reviews;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Reviews;

public sealed class ReviewEdgeType() : EdgeType<ReviewType, Review>("ReviewEdge");

public sealed class ReviewConnectionType() : ConnectionType<ReviewEdgeType, ReviewType, Review>("ReviewConnection");

public sealed class ReviewOrderType : EnumerationGraphType<ReviewOrder>
{
    public ReviewOrderType() => Name = "ReviewOrder";
}

public static class TitleReviewsField
{
    public const int DefaultFirst = 10;

    /// <summary>Title.reviews: one page per title, all titles of a page fetched together.</summary>
    public static void AddReviewsField(this TitleType title) =>
        title.Field<NonNullGraphType<ReviewConnectionType>>("reviews")
            .Description("Reviews in the chosen order; HELPFULNESS ranks by the Wilson lower bound of helpful votes.")
            .Argument<ReviewOrderType>("orderBy", a => a.DefaultValue = ReviewOrder.Helpfulness)
            .FirstArgument(DefaultFirst)
            .AfterArgument()
            .Resolve(c =>
            {
                var order = c.GetArgument<ReviewOrder?>("orderBy") ?? ReviewOrder.Helpfulness;
                var key = new ReviewPageKey(c.Source.Id, order, Paging.First(c, DefaultFirst), OffsetCursor.Next(Paging.After(c)));
                return c.Service<ReviewReader>().Page(key).Then(page => ToConnection(page, key));
            });

    /// <summary>Title.viewerReview: the signed-in viewer's own review, for every title of a page in one query.</summary>
    public static void AddViewerReviewField(this TitleType title) =>
        title.Field<ReviewType>("viewerReview")
            .Description("The signed-in viewer's own review of this title (to prefill the form); null when none or anonymous.")
            .Resolve(c => Caller.Viewer(c) is { } viewer ? c.Service<ReviewReader>().ViewerReview(viewer.Id, c.Source.Id) : null);

    private static Connection<Review> ToConnection(ReviewPage? page, ReviewPageKey key)
    {
        var reviews = page?.Reviews ?? [];
        var edges = reviews.Select((review, i) => new Edge<Review>(OffsetCursor.Encode(key.Offset + i), review)).ToList();
        return Connection.Of(page?.TotalCount ?? 0, edges, page?.HasNextPage ?? false, key.Offset > 0);
    }
}
