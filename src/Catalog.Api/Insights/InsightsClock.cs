namespace Catalog.Api.Insights;

/// <summary>
/// Real time for recorded searches and their retention, not the catalog clock: that one may be fixed for demos,
/// which would put every search on one day and never expire any. Tests replace it with a fake.
/// </summary>
public sealed class InsightsClock(TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
