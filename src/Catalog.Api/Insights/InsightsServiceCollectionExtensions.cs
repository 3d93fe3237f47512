using Catalog.Api.Hosting;
using Catalog.Store.Insights;

namespace Catalog.Api.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>Search recording (queue, batch writer, retention) for a serving host; see docs/insights.md.</summary>
    public static IServiceCollection AddCatalogInsights(this IServiceCollection services)
    {
        services.AddCatalogOptions<InsightsOptions>(InsightsOptions.Section);
        services.AddSingleton(new InsightsClock(TimeProvider.System));
        services.AddSingleton<InsightsBacklog>();
        services.AddSingleton<SearchRecorder>();
        services.AddSingleton<InsightsRehearsal>();
        services.AddSingleton<InsightsWriter>();
        services.AddHostedService<InsightsFlushService>();
        services.AddSingleton<InsightsRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<InsightsRetentionService>());
        return services;
    }
}
