using Catalog.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>Ready when the search index is open and has applied every change the store's log holds.</summary>
internal sealed class IndexHealthCheck(IIndexHealth index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["lag"] = index.Lag,
            ["appliedSequence"] = index.AppliedSequence,
            ["documents"] = index.DocumentCount,
            ["sizeBytes"] = index.SizeBytes,
        };
        return Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy("index open and caught up", data)
            : HealthCheckResult.Unhealthy($"index opening or catching up ({index.Lag} changes behind)", data: data));
    }
}
