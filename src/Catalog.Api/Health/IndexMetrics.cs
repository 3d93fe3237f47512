using Catalog.Search.Indexing;
using Prometheus;

namespace Catalog.Api.Health;

/// <summary>Index gauges for /metrics, read from <see cref="IIndexHealth"/> just before each scrape.</summary>
internal static class IndexMetrics
{
    private static readonly Gauge Lag = Metrics.CreateGauge("catalog_index_lag", "Change-log entries the served index has not applied yet.");
    private static readonly Gauge Documents = Metrics.CreateGauge("catalog_index_documents", "Documents in the served index.");
    private static readonly Gauge SizeBytes = Metrics.CreateGauge("catalog_index_size_bytes", "Bytes of the served index's files.");
    private static readonly Gauge Ready = Metrics.CreateGauge("catalog_index_ready", "1 when the index is open and caught up.");

    /// <summary>Publishes <paramref name="index"/> until <paramref name="stopping"/> (the registry is process-wide).</summary>
    public static void Publish(IIndexHealth index, CancellationToken stopping) =>
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            if (stopping.IsCancellationRequested)
                return;
            Lag.Set(index.Lag);
            Documents.Set(index.DocumentCount);
            SizeBytes.Set(index.SizeBytes);
            Ready.Set(index.IsReady ? 1 : 0);
        });
}
