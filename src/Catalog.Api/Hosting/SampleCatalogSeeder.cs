using Catalog.Search.Indexing;
using Catalog.Store;
using Catalog.Store.Import;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Hosting;

/// <summary>
/// Seeds the bundled sample catalog (data/catalog.json next to the binary) into an empty store, at start
/// before the index opens unless <see cref="CatalogWebApp.SeedSampleKey"/> is false.
/// </summary>
public sealed class SampleCatalogSeeder(ICatalogDbFactory factory, TitleImporter importer, IConfiguration configuration, ILogger<SampleCatalogSeeder> logger)
    : IStoreStartupTask
{
    public const string PathKey = "Catalog:SampleCatalog";

    public string SamplePath => configuration[PathKey] is { Length: > 0 } configured
        ? configured
        : Path.Combine(AppContext.BaseDirectory, "data", "catalog.json");

    Task IStoreStartupTask.RunAsync(CancellationToken cancellationToken) =>
        configuration.GetValue(CatalogWebApp.SeedSampleKey, defaultValue: true) ? SeedIfEmptyAsync(cancellationToken) : Task.CompletedTask;

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using (var db = factory.Create())
        {
            if (await db.Titles.AnyAsync(cancellationToken))
                return false;
        }

        if (!File.Exists(SamplePath))
        {
            logger.LogWarning("The store is empty and no sample catalog was found at {Path}", SamplePath);
            return false;
        }

        var summary = await importer.ImportAsync(SamplePath, new ImportOptions("catalog-json"), null, cancellationToken);
        logger.LogInformation("Seeded the sample catalog from {Path}: {Inserted} titles", SamplePath, summary.Inserted);
        return true;
    }
}
