using Catalog.Store;

namespace Catalog.Api.Hosting;

/// <summary>Builds the web host: services by area, then endpoints by area.</summary>
public static class CatalogWebApp
{
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

        var app = builder.Build();
        app.MapGet("/health/live", () => TypedResults.Ok("live"));
        return app;
    }

    /// <summary>Migrates the store and seeds the bundled sample when the store holds no titles.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        await app.Services.GetRequiredService<SampleCatalogSeeder>().SeedIfEmptyAsync(cancellationToken);
    }
}
