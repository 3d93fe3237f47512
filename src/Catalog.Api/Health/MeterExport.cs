using Prometheus;

namespace Catalog.Api.Health;

/// <summary>Which .NET meters <c>/metrics</c> adapts (prometheus-net adapts every meter from the first scrape on).</summary>
internal static class MeterExport
{
    /// <summary>
    /// Leaves out ASP.NET Core's per-request meters (hosting request duration, routing, authentication, memory
    /// pool): they repeat what the prometheus-net HTTP middleware already records, and adapting each measurement
    /// was about 5 % of the CPU of a response-cache hit. Runtime and Kestrel connection meters stay. The same goes
    /// for the event counters of those sources ("Microsoft.AspNetCore.Hosting"), which the event-counter adapter
    /// publishes only once its first interval has passed, so they showed up in long-running processes alone.
    /// </summary>
    public static void SkipPerRequestMeters()
    {
        Metrics.ConfigureMeterAdapter(adapter => adapter.InstrumentFilterPredicate = instrument => IsExported(instrument.Meter.Name));
        // Narrows the adapter's own list of well-known sources; widening it to every source would also enable the
        // logging EventSource, whose logger then takes every Information line, even in Production.
        Metrics.ConfigureEventCounterAdapter(adapter =>
        {
            var wellKnown = adapter.EventSourceFilterPredicate;
            adapter.EventSourceFilterPredicate = source => wellKnown(source) && IsExported(source);
        });
    }

    public static bool IsExported(string meter) =>
        !meter.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
        || meter.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal);
}
