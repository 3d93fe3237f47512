using System.Text.Json;
using Catalog.Api.Health.WarmUp;
using Catalog.Api.Hosting;
using Catalog.Search.Indexing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

public static class HealthEndpoints
{
    /// <summary>Tag of the checks <c>/health/ready</c> runs; add checks with it to gate readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Readiness checks: the store, and when search is registered (call after it and after GraphQL) the search index and
    /// the start-up <see cref="SearchWarmUp"/>.
    /// </summary>
    public static IHealthChecksBuilder AddCatalogHealth(this IServiceCollection services)
    {
        var checks = services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        if (services.Any(d => d.ServiceType == typeof(IIndexHealth)))
        {
            checks.AddCheck<IndexHealthCheck>("index", tags: [ReadyTag]);
            services.AddCatalogOptions<WarmUpOptions>(WarmUpOptions.Section);
            services.AddSingleton<SearchWarmUp>();
            services.AddSingleton<RequestPipeline>();
            services.AddSingleton<LoopbackClient>();
            services.AddSingleton<IStartupFilter>(provider => provider.GetRequiredService<RequestPipeline>());
            services.AddHostedService<SearchWarmUpService>();
            checks.AddCheck<WarmUpHealthCheck>("warmUp", tags: [ReadyTag]);
        }

        return checks;
    }

    /// <summary>
    /// <c>/health/live</c>: 200 while the process serves. <c>/health/ready</c>: 200 or 503 with each check's
    /// status. Also publishes the index gauges to <c>/metrics</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapCatalogHealth(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<IIndexHealth>() is { } index)
            IndexMetrics.Publish(index, endpoints.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        return endpoints;
    }

    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
                data = e.Value.Data,
            }),
        }, cancellationToken: http.RequestAborted);
    }
}
