using Catalog.Api.GraphQL.Common;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.GraphQL.Titles;

/// <summary>
/// C of the weighted rating: the mean of every rating in the catalog (Σ rating sums / Σ vote counts, as the
/// search side computes it for the RATING sort, so rating.weighted agrees with that order). Recomputed at
/// most once a minute: it moves slowly and the sum over all titles is a full scan.
/// </summary>
public sealed class CatalogMeanRating(ICatalogDbFactory factory) : IDisposable
{
    /// <summary>While the catalog holds no ratings at all; the same value the search side's RATING sort uses.</summary>
    public const double EmptyCatalogMean = 0;

    private const long MaxAgeMs = 60_000;
    private readonly SemaphoreSlim refresh = new(1, 1);
    // Monotonic milliseconds, not the catalog clock: a fixed Catalog:Clock:Now must not freeze the cache.
    private (double Mean, long AtMs)? cached;

    public async ValueTask<double> GetAsync(CancellationToken cancellationToken)
    {
        if (cached is { } hit && Environment.TickCount64 - hit.AtMs < MaxAgeMs)
            return hit.Mean;
        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } fresh && Environment.TickCount64 - fresh.AtMs < MaxAgeMs)
                return fresh.Mean;
            var mean = await ComputeAsync(cancellationToken);
            cached = (mean, Environment.TickCount64);
            return mean;
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    private async Task<double> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var totals = await db.Titles.TagWith(QueryTags.CatalogMean).GroupBy(_ => 1)
            .Select(g => new { Sum = g.Sum(t => t.RatingSum), Count = g.Sum(t => (long)t.RatingCount) })
            .SingleOrDefaultAsync(cancellationToken);
        return totals is { Count: > 0 } ? totals.Sum / totals.Count : EmptyCatalogMean;
    }
}
