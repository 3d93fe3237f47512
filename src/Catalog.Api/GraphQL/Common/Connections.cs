using GraphQL.Types;

namespace Catalog.Api.GraphQL.Common;

public sealed record Edge<T>(string Cursor, T Node);

/// <summary>A Relay connection page: edges in order, the total across all pages, and page info.</summary>
public sealed record Connection<T>(int TotalCount, IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo);

public static class Connection
{
    public static Connection<T> Of<T>(int totalCount, IReadOnlyList<Edge<T>> edges, bool hasNextPage, bool hasPreviousPage) =>
        new(totalCount, edges, PageInfo.For(edges, e => e.Cursor, hasNextPage, hasPreviousPage));
}

public abstract class EdgeType<TNodeType, T> : ObjectGraphType<Edge<T>>
    where TNodeType : IGraphType
{
    protected EdgeType(string name)
    {
        Name = name;
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}

public abstract class ConnectionType<TEdgeType, TNodeType, T> : ObjectGraphType<Connection<T>>
    where TEdgeType : IGraphType
    where TNodeType : IGraphType
{
    protected ConnectionType(string name)
    {
        Name = name;
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Items across all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}
