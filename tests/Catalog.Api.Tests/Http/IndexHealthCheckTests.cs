using Catalog.Api.Health;
using Catalog.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Tests.Http;

/// <summary>How the index's state maps to readiness (the index itself is tested in Catalog.Search.Tests).</summary>
public sealed class IndexHealthCheckTests
{
    private sealed record IndexState(bool IsReady, long Lag, long AppliedSequence = 7, int DocumentCount = 3, long SizeBytes = 1024) : IIndexHealth
    {
        public TimeSpan LagTime => TimeSpan.FromSeconds(Lag);

        public Task MeasureLagAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task Caught_up_index_is_healthy_with_its_numbers()
    {
        var result = await new IndexHealthCheck(new IndexState(true, 0)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(3, result.Data["documents"]);
        Assert.Equal(7L, result.Data["appliedSequence"]);
    }

    [Fact]
    public async Task Index_that_is_behind_or_closed_is_unhealthy()
    {
        var result = await new IndexHealthCheck(new IndexState(false, 42)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("42", result.Description, StringComparison.Ordinal);
    }
}
