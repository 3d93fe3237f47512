using Catalog.Core;
using Catalog.Core.Ranking;
using Catalog.Core.Search;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catalog.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The search engine: analyzers, the live index under <c>&lt;DataDirectory&gt;/index</c> (opened or rebuilt
    /// in the background while the host already serves, then kept up with the change log), reindex jobs, health, and the title search.
    /// Needs the store's contracts (<see cref="Core.Feed.ITitleFeed"/>, <see cref="Core.Feed.IChangeSignal"/>,
    /// <see cref="Core.Feed.IStorePreparation"/>) and <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection AddCatalogSearch(this IServiceCollection services, SearchOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<CatalogAnalyzers>();
        services.AddSingleton(sp => IndexLayout.InDataDirectory(sp.GetRequiredService<IOptions<CatalogOptions>>().Value.DataDirectory));
        services.AddSingleton<CatalogIndex>();
        services.AddSingleton<ISearcherSource>(sp => sp.GetRequiredService<CatalogIndex>());
        services.AddSingleton<IIndexHealth>(sp => sp.GetRequiredService<CatalogIndex>());
        services.AddSingleton<ICatalogMean>(sp => sp.GetRequiredService<CatalogIndex>());
        services.AddSingleton<IIndexVersion>(sp => sp.GetRequiredService<CatalogIndex>());
        services.AddSingleton<ReindexJobs>();
        services.AddSingleton<IReindexJobs>(sp => sp.GetRequiredService<ReindexJobs>());
        services.AddSingleton<IndexStartup>();
        services.AddHostedService<IndexMaintenanceService>();
        services.AddSingleton<ITitleSearch, TitleSearch>();
        return services;
    }
}
