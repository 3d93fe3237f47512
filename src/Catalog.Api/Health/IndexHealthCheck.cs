using System.Globalization;
using Catalog.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>
/// Ready when the search index is open and the oldest change it has not applied is within
/// <c>Catalog:Search:ReadyMaxLag</c>; the lag is measured against the store's change log at each check.
/// </summary>
internal sealed class IndexHealthCheck(IIndexHealth index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await index.MeasureLagAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the store's change log cannot be read", e);
        }

        var data = new Dictionary<string, object>
        {
            ["lag"] = index.Lag,
            ["lagSeconds"] = index.LagTime.TotalSeconds,
            ["appliedSequence"] = index.AppliedSequence,
            ["documents"] = index.DocumentCount,
            ["sizeBytes"] = index.SizeBytes,
        };
        var seconds = index.LagTime.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        return index.IsReady
            ? HealthCheckResult.Healthy($"index open, {index.Lag} changes ({seconds} s) behind", data)
            : HealthCheckResult.Unhealthy($"index opening or catching up ({index.Lag} changes, {seconds} s behind)", data: data);
    }
}
