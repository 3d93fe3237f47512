using GraphQL.Types;

namespace Catalog.Api.GraphQL.Common;

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    public static PageInfo For<T>(IReadOnlyList<T> edges, Func<T, string> cursor, bool hasNextPage, bool hasPreviousPage) =>
        new(hasNextPage, hasPreviousPage, edges.Count > 0 ? cursor(edges[0]) : null, edges.Count > 0 ? cursor(edges[^1]) : null);
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}
