using Catalog.Api.GraphQL.Common;
using GraphQL;

namespace Catalog.Api.GraphQL.Reviews;

public static class ReviewQueries
{
    public static object FindReview(IResolveFieldContext context, string id) =>
        context.Service<ReviewReader>().Find(id);
}
