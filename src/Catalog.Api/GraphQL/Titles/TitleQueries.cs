using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Reviews;
using Catalog.Store.Writes;
using Catalog.Core.Titles;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Titles;

public static class TitleQueries
{
    public static void AddTitleQueries(this ObjectGraphType query)
    {
        query.Field<TitleType>("title")
            .Description("A title by id, whether or not it is available now; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => FindTitle(c, c.GetArgument<string>("id")));

        query.Field<NodeInterface>("node")
            .Description("Any object with a global id: a Title or a Review.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c =>
            {
                var id = c.GetArgument<string>("id");
                return ReviewIds.IsReviewId(id) ? ReviewQueries.FindReview(c, id) : FindTitle(c, id);
            });
    }

    private static object? FindTitle(IResolveFieldContext context, string id) =>
        TitleIds.IsValid(id) ? context.Service<TitleReader>().Find(id) : null;
}
