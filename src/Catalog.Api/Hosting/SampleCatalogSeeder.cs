using System.Diagnostics;
using Catalog.Core;
using Catalog.Store;
using Catalog.Store.Import;
using Catalog.Store.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Hosting;

/// <summary>
/// Seeds the bundled sample catalog (data/catalog.json next to the binary) into an empty store, with
/// demo reviews on its most-voted titles, and leaves a marker in the data folder saying the store came
/// from the sample (development sign-in is on by default only then). Runs at start, before the index
/// opens, unless <see cref="CatalogWebApp.SeedSampleKey"/> is false.
/// </summary>
public sealed class SampleCatalogSeeder(
    ICatalogDbFactory factory, TitleImporter importer, IConfiguration configuration, IOptions<CatalogOptions> catalog,
    TimeProvider clock, ILogger<SampleCatalogSeeder> logger) : IStoreStartupTask
{
    public const string PathKey = "Catalog:SampleCatalog";
    public const string DemoReviewsKey = "Catalog:Sample:DemoReviews";

    /// <summary>How many of the sample's most-voted titles get demo reviews.</summary>
    public const int DemoReviewTitles = 300;

    private const string MarkerFile = "seeded-from-sample";

    public string SamplePath => configuration[PathKey] is { Length: > 0 } configured
        ? configured
        : Path.Combine(AppContext.BaseDirectory, "data", "catalog.json");

    /// <summary>True once this data folder's store has been seeded from the bundled sample (now or on an earlier start).</summary>
    public bool StoreHoldsSample => File.Exists(MarkerPath);

    private string MarkerPath => Path.Combine(Path.GetFullPath(catalog.Value.DataDirectory), MarkerFile);

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
        if (configuration.GetValue(DemoReviewsKey, defaultValue: true))
            await SeedDemoReviewsAsync(cancellationToken);
        await File.WriteAllTextAsync(MarkerPath, SamplePath + Environment.NewLine, cancellationToken);
        return true;
    }

    /// <summary>
    /// Through the review write path in one transaction, so each demo review counts in its title's rating
    /// and the change log carries every row to the index, like reviews viewers write.
    /// </summary>
    private async Task SeedDemoReviewsAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = factory.Create();
        var titles = await db.Titles.AsNoTracking()
            .Where(t => t.AddedAt <= now && t.RatingCount > 0)
            .OrderByDescending(t => t.RatingCount).ThenBy(t => t.Id)
            .Take(DemoReviewTitles)
            .Select(t => new DemoTitle(t.Id, t.Name, t.ReleaseYear, t.RatingSum / t.RatingCount, t.AddedAt))
            .ToListAsync(cancellationToken);
        var (reviews, votes) = DemoReviews.For(titles, now);
        await new ReviewService(db).AddManyAsync(reviews, votes, cancellationToken);
        logger.LogInformation("Seeded {Reviews} demo reviews and {Votes} votes on {Titles} sample titles in {Elapsed:F1} s",
            reviews.Count, votes.Count, titles.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
