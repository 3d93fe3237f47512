using Catalog.Api.GraphQL.Titles;
using GraphQL.Types;

namespace Catalog.Api.GraphQL;

/// <summary>The public schema (SPEC section 4). Root fields live with their feature, in *Queries/*Mutations files.</summary>
public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services) : base(services)
    {
        Query = services.GetRequiredService<CatalogQuery>();
    }
}

public sealed class CatalogQuery : ObjectGraphType
{
    public CatalogQuery()
    {
        Name = "Query";
        this.AddTitleQueries();
    }
}
