using Prometheus;

namespace Catalog.Api.Health;

/// <summary>Which .NET meters <c>/metrics</c> adapts (prometheus-net adapts every meter from the first scrape on).</summary>
internal static class MeterExport
{
    /// <summary>
    /// Leaves out ASP.NET Core's per-request meters (hosting request duration, routing, authentication, memory
    /// pool): they repeat what the prometheus-net HTTP middleware already records, and adapting each measurement
    /// was about 5 % of the CPU of a response-cache hit. Runtime and Kestrel connection meters stay.
    /// </summary>
    public static void SkipPerRequestMeters() =>
        Metrics.ConfigureMeterAdapter(adapter => adapter.InstrumentFilterPredicate = instrument => IsExported(instrument.Meter.Name));

    public static bool IsExported(string meter) =>
        !meter.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
        || meter.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal);
}
