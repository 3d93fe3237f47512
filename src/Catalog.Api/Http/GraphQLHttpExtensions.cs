using System.IO.Compression;
using Catalog.Api.Experiments;
using Catalog.Api.GraphQL.Common;
using Catalog.Api.Hosting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Http;

public static class GraphQLHttpExtensions
{
    public const string CorsOriginsKey = "Catalog:Cors:Origins";

    /// <summary>The <c>/graphql</c> transport: limits, caches, serializer, CORS and response compression.</summary>
    public static IServiceCollection AddCatalogGraphQLHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCatalogOptions<GraphQLHttpOptions>(GraphQLHttpOptions.Section);
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<PersistedQueries>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<ReplicaWrites>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<GraphQLResponseWriter>();
        services.AddSingleton<ExecutionAdmission>();
        services.AddSingleton<SearchRateLimiter>();
        services.AddSingleton<GraphQLHttpEndpoint>();

        var origins = configuration.GetSection(CorsOriginsKey).Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(HeaderNames.ContentType, HeaderNames.Authorization, HeaderNames.IfNoneMatch, ExperimentAssignment.SessionHeader)
            .WithExposedHeaders(HeaderNames.ETag)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, ResponseFormat.GraphQLResponseJson.MediaType];
        });
        // Latency matters more than the last few percent of size for API responses.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Middleware in front of every endpoint: compression, then CORS (preflights end there).</summary>
    public static IApplicationBuilder UseCatalogHttp(this IApplicationBuilder app) =>
        app.UseResponseCompression().UseCors();

    public static IEndpointRouteBuilder MapCatalogGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post],
            http => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http));
        return endpoints;
    }
}
