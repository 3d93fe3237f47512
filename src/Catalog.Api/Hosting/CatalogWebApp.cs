using Catalog.Api.Auth;
using Catalog.Api.Experiments;
using Catalog.Api.GraphQL;
using Catalog.Api.Health;
using Catalog.Api.Http;
using Catalog.Api.Insights;
using Catalog.Api.Web;
using Catalog.Store;
using Prometheus;

namespace Catalog.Api.Hosting;

/// <summary>Builds the web host: services by area, then endpoints by area.</summary>
public static class CatalogWebApp
{
    /// <summary>When false, an empty store stays empty at start (tests seed what they need).</summary>
    public const string SeedSampleKey = "Catalog:SeedSampleWhenEmpty";

    public static WebApplication Build(CommonSettings settings, string? urls)
    {
        var args = settings.HostArgs.ToList();
        if (!string.IsNullOrWhiteSpace(urls))
            args.Add($"--urls={urls}");
        var explicitContentRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args],
            ContentRootPath = explicitContentRoot ? null : AppContext.BaseDirectory,
        });
        settings.ApplyTo(builder.Configuration);
        builder.Services.AddCatalogCore(builder.Configuration);
        builder.Services.AddSingleton<SampleCatalogSeeder>();
        builder.Services.AddSingleton<IStoreStartupTask>(sp => sp.GetRequiredService<SampleCatalogSeeder>());
        builder.Services.AddCatalogAuth(builder.Configuration, builder.Environment);
        builder.Services.AddCatalogGraphQL();
        builder.Services.AddCatalogGraphQLHttp(builder.Configuration);
        builder.Services.AddCatalogHealth();
        builder.Services.AddCatalogWeb();
        builder.Services.AddCatalogInsights();
        builder.Services.AddCatalogExperiments();

        var app = builder.Build();
        SigningKeys.LogSource(app.Services.GetRequiredService<ResolvedSigningKey>(), app.Logger);
        app.UseMiddleware<RequestLogging>();
        app.UseCatalogHttp();
        app.UseIndexStartupGate();
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.MapCatalogGraphQL();
        app.MapCatalogHealth();
        app.MapDevSignIn();
        MeterExport.SkipPerRequestMeters();
        app.MapMetrics();
        app.MapClickBeacon();
        app.MapCatalogWeb();
        return app;
    }
}
