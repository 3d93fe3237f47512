using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health.WarmUp;

/// <summary>Unready until the start-up <see cref="SearchWarmUp"/> has finished (or reached its time bound).</summary>
internal sealed class WarmUpHealthCheck(SearchWarmUp warmUp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["searches"] = warmUp.Searches };
        if (!warmUp.Completed.IsCompleted)
            return Task.FromResult(HealthCheckResult.Unhealthy($"warming up: {warmUp.Searches} searches run", data: data));
        data["milliseconds"] = Math.Round(warmUp.Elapsed.TotalMilliseconds);
        return Task.FromResult(HealthCheckResult.Healthy($"warmed up: {warmUp.Searches} searches in {warmUp.Elapsed.TotalMilliseconds:0} ms", data));
    }
}
