using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Reviews;
using Catalog.Api.GraphQL.Search;
using Catalog.Api.GraphQL.Titles;
using Catalog.Api.Hosting;
using Catalog.Api.Http;
using Catalog.Store.Writes;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Catalog.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// The schema, its graph types and the per-request readers resolvers take from
    /// <c>ExecutionOptions.RequestServices</c>. The transport executes it with <c>IDocumentExecuter</c>.
    /// </summary>
    public static IServiceCollection AddCatalogGraphQL(this IServiceCollection services)
    {
        // The only AddGraphQL call: schema, serializer and the complexity limits of Catalog:GraphQL.
        services.AddGraphQL(b => b
            .AddSchema<CatalogSchema>()
            .AddGraphTypes(typeof(CatalogSchema).Assembly)
            .AddSystemTextJson()
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var limits = provider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
            }));
        services.AddCatalogOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<ViewerRateLimiter>();
        services.AddSingleton<TitleCache>();
        services.AddScoped<TitleReader>();
        services.AddScoped<SimilarTitlesReader>();
        services.AddScoped<ReviewReader>();
        services.AddScoped<ReviewService>();
        services.AddScoped<TitleEditor>();
        services.AddScoped<TrailerService>();
        return services;
    }
}
