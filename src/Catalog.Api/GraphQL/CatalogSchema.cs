using Catalog.Api.GraphQL.Curation;
using Catalog.Api.GraphQL.Experiments;
using Catalog.Api.GraphQL.Insights;
using Catalog.Api.GraphQL.Reviews;
using Catalog.Api.GraphQL.Search;
using Catalog.Api.GraphQL.Titles;
using Catalog.Api.GraphQL.Trailers;
using Catalog.Api.GraphQL.Viewers;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL;

/// <summary>The public schema (SPEC section 4). Root fields live with their feature, in *Queries/*Mutations files.</summary>
public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services) : base(services)
    {
        Query = services.GetRequiredService<CatalogQuery>();
        Mutation = services.GetRequiredService<CatalogMutation>();
        // An IDE's introspection (every type, field and argument) is cheap but large: count it at a twentieth against
        // Catalog:GraphQL:MaxComplexity, so GraphiQL loads the docs while nested __type abuse still meets the limit.
        this.WithIntrospectionComplexityImpact(0.05);
    }
}

public sealed class CatalogQuery : ObjectGraphType
{
    public CatalogQuery()
    {
        Name = "Query";
        this.AddSearchQueries();
        this.AddTitleQueries();
        this.AddRailQueries();
        this.AddCurationQueries();
        this.AddViewerQueries();
        this.AddInsightsQueries();
        this.AddExperimentQueries();
    }
}

public sealed class CatalogMutation : ObjectGraphType
{
    public CatalogMutation()
    {
        Name = "Mutation";
        this.AddReviewMutations();
        this.AddCurationMutations();
        this.AddTrailerMutations();
        this.AddInsightsMutations();
        this.AddExperimentMutations();
    }
}
