using Catalog.Search.Indexing;
using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Insights;

/// <summary>Deletes searches and clicks older than <see cref="InsightsOptions.RetentionDays"/>, every <see cref="InsightsOptions.RetentionInterval"/>.</summary>
public sealed partial class InsightsRetentionService(
    InsightsWriter writer, InsightsClock clock, IOptions<InsightsOptions> options, ILogger<InsightsRetentionService> logger,
    IndexStartup? startup = null) : StoreReadyPeriodicService(startup)
{
    /// <summary>One pass: deletes what has expired by the insights clock; returns the number of searches deleted.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        writer.DeleteBeforeAsync(clock.UtcNow.AddDays(-options.Value.RetentionDays), cancellationToken);

    protected override TimeSpan Interval => options.Value.RetentionInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = await DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
            LogDeleted(deleted, options.Value.RetentionDays);
    }

    protected override void OnFailed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Searches} recorded searches older than {Days} days")]
    private partial void LogDeleted(int searches, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting expired search insights failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
