using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Reviews;
using Catalog.Api.GraphQL.Search;
using Catalog.Api.GraphQL.Titles;
using Catalog.Store.Writes;
using GraphQL;

namespace Catalog.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// The schema, its graph types and the per-request readers resolvers take from
    /// <c>ExecutionOptions.RequestServices</c>. The transport executes it with <c>IDocumentExecuter</c>.
    /// </summary>
    public static IServiceCollection AddCatalogGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(b => b
            .AddSchema<CatalogSchema>()
            .AddGraphTypes(typeof(CatalogSchema).Assembly)
            .AddSystemTextJson());
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<ViewerRateLimiter>();
        services.AddSingleton<CatalogMeanRating>();
        services.AddScoped<TitleReader>();
        services.AddScoped<SimilarTitlesReader>();
        services.AddScoped<ReviewReader>();
        services.AddScoped<ReviewService>();
        services.AddScoped<TitleEditor>();
        services.AddScoped<TrailerService>();
        return services;
    }
}
