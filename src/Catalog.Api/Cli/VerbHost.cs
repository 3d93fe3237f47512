using Catalog.Api.Hosting;
using Catalog.Store;

namespace Catalog.Api.Cli;

/// <summary>A host without a web server for the one-shot verbs; the store is created and migrated first.</summary>
internal static class VerbHost
{
    public static async Task<IHost> StartAsync(CommonSettings settings, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(settings);
        builder.Services.AddCatalogCore(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        return host;
    }

    /// <summary>Configuration, environment and logging as every verb sees them, with no services (and no store) yet.</summary>
    public static HostApplicationBuilder CreateBuilder(CommonSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings.HostArgs.ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        settings.ApplyTo(builder.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }
}
