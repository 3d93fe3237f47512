using Prometheus;

namespace Catalog.Api.Insights;

/// <summary>Prometheus counters of what insights record (counted when recorded, whether or not the write succeeds).</summary>
internal static class InsightsMetrics
{
    public static readonly Counter Searches = Metrics.CreateCounter(
        "catalog_insights_searches_total", "Searches recorded for insights.");

    public static readonly Counter ZeroResultSearches = Metrics.CreateCounter(
        "catalog_insights_zero_result_searches_total", "Recorded searches that found no title.");

    public static readonly Counter Clicks = Metrics.CreateCounter(
        "catalog_insights_clicks_total", "Result clicks recorded for insights.");

    public static readonly Counter Dropped = Metrics.CreateCounter(
        "catalog_insights_dropped_events_total",
        "Searches and clicks not recorded: queue_full (the writer is behind), write_failed (the store refused the batch), unknown_search (a click on a search that was not recorded).",
        new CounterConfiguration { LabelNames = ["reason"] });
}
