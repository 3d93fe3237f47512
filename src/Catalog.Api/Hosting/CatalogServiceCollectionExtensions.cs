using Catalog.Core;
using Catalog.Core.Titles.Rules;
using Catalog.Core.Trailers;
using Catalog.Search;
using Catalog.Search.Indexing;
using Catalog.Store;
using Catalog.Store.Import;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Hosting;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>What every verb needs: options, the clock, the store, the importer and search.</summary>
    public static IServiceCollection AddCatalogCore(this IServiceCollection services, IConfiguration configuration)
    {
        var catalog = configuration.GetCatalogOptions<CatalogOptions>(CatalogOptions.Section);
        var store = configuration.GetCatalogOptions<StoreOptions>(StoreOptions.Section);
        services.AddCatalogOptions<CatalogOptions>(CatalogOptions.Section);
        services.AddSingleton(FixedTimeProvider.From(catalog.Clock));
        services.AddCatalogStore(catalog, store);
        // Imports and curator edits share one trailer policy, so Catalog:Trailers applies to both.
        services.AddCatalogOptions<TrailerOptions>(TrailerOptions.Section);
        services.AddSingleton(sp => new TrailerUrlPolicy(sp.GetRequiredService<IOptions<TrailerOptions>>().Value));
        // One set of title rules for imports (lenient) and curator edits (strict).
        services.AddCatalogOptions<TitleRulesOptions>(TitleRulesOptions.Section);
        services.AddSingleton(sp => new TitleRules(sp.GetRequiredService<IOptions<TitleRulesOptions>>().Value, sp.GetRequiredService<TrailerUrlPolicy>()));
        services.AddCatalogImport();
        // The index reads the store only through Core's feed contracts; the store implements them.
        var search = configuration.GetCatalogOptions<SearchOptions>(SearchOptions.Section);
        services.AddStoreTitleFeed(search.BuildPageSize);
        services.AddCatalogSearch(search);
        return services;
    }
}
