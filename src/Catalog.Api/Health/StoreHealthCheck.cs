using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>Ready when the store answers a query against its schema (so it is reachable and migrated).</summary>
internal sealed class StoreHealthCheck(ICatalogDbFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = factory.Create();
            await db.Titles.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("store reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("store unreachable", e);
        }
    }
}
