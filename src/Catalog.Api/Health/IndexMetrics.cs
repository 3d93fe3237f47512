using Catalog.Search.Indexing;
using Prometheus;

namespace Catalog.Api.Health;

/// <summary>Index gauges for /metrics, measured against the store's change log just before each scrape.</summary>
internal static class IndexMetrics
{
    private static readonly Gauge Lag = Metrics.CreateGauge("catalog_index_lag", "Change-log sequences in the store beyond the last one the served index applied (entries behind).");
    private static readonly Gauge LagSeconds = Metrics.CreateGauge("catalog_change_log_lag_seconds", "Age of the oldest change-log entry the served index has not applied (catalog clock); 0 when caught up.");
    private static readonly Gauge Documents = Metrics.CreateGauge("catalog_index_documents", "Documents in the served index.");
    private static readonly Gauge SizeBytes = Metrics.CreateGauge("catalog_index_size_bytes", "Bytes of the served index's files.");
    private static readonly Gauge Ready = Metrics.CreateGauge("catalog_index_ready", "1 when the index is open and within Catalog:Search:ReadyMaxLag of the change log.");

    private static IIndexHealth? published;
    private static int registered;

    /// <summary>
    /// Publishes <paramref name="index"/> until <paramref name="stopping"/>. The registry is process-wide and has
    /// one callback: the index of the host built last publishes (there is one host per process outside tests;
    /// several measuring callbacks could finish in any order and publish another host's values).
    /// </summary>
    public static void Publish(IIndexHealth index, CancellationToken stopping)
    {
        Volatile.Write(ref published, index);
        stopping.Register(() => Interlocked.CompareExchange(ref published, null, index));
        if (Interlocked.Exchange(ref registered, 1) == 0)
            Metrics.DefaultRegistry.AddBeforeCollectCallback(CollectAsync);
    }

    private static async Task CollectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref published) is not { } index)
            return;
        try
        {
            await index.MeasureLagAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is unreachable: scrape the last known values; /health/ready reports the failure.
        }

        Lag.Set(index.Lag);
        LagSeconds.Set(index.LagTime.TotalSeconds);
        Documents.Set(index.DocumentCount);
        SizeBytes.Set(index.SizeBytes);
        Ready.Set(index.IsReady ? 1 : 0);
    }
}
