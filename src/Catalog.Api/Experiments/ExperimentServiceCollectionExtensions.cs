using Catalog.Api.Hosting;
using Catalog.Store.Insights;

namespace Catalog.Api.Experiments;

public static class ExperimentServiceCollectionExtensions
{
    /// <summary>Ranking experiments for a serving host: the registry, the running experiment and per-request arms; see docs/insights.md.</summary>
    public static IServiceCollection AddCatalogExperiments(this IServiceCollection services)
    {
        services.AddCatalogOptions<ExperimentOptions>(ExperimentOptions.Section);
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new ExperimentRegistry(sp.GetRequiredService<Catalog.Store.ICatalogDbFactory>(), TimeProvider.System));
        services.AddSingleton<RunningExperiment>();
        services.AddHostedService(sp => sp.GetRequiredService<RunningExperiment>());
        services.AddScoped<ExperimentAssignment>();
        return services;
    }
}
