using Catalog.Store.Import.CatalogJson;
using Catalog.Store.Import.Imdb;
using Catalog.Store.Import.MovieLens;
using Catalog.Store.Import.Vega;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Store.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Registers the importer and every source; <c>--format auto</c> asks them in this order.</summary>
    public static IServiceCollection AddCatalogImport(this IServiceCollection services)
    {
        services.AddSingleton<ITitleSource, MovieLensSource>();
        services.AddSingleton<ITitleSource, ImdbTsvSource>();
        services.AddSingleton<ITitleSource, VegaMoviesSource>();
        services.AddSingleton<ITitleSource, CatalogJsonSource>();
        services.AddSingleton<TitleImporter>();
        return services;
    }
}
