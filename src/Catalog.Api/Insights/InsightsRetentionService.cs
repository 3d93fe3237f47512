using Catalog.Search.Indexing;
using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Insights;

/// <summary>Deletes searches and clicks older than <see cref="InsightsOptions.RetentionDays"/>, every <see cref="InsightsOptions.RetentionInterval"/>.</summary>
public sealed partial class InsightsRetentionService(
    InsightsWriter writer, InsightsClock clock, IOptions<InsightsOptions> options, ILogger<InsightsRetentionService> logger,
    IndexStartup? startup = null) : BackgroundService
{
    /// <summary>One pass: deletes what has expired by the insights clock; returns the number of searches deleted.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        writer.DeleteBeforeAsync(clock.UtcNow.AddDays(-options.Value.RetentionDays), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The tables exist once start-up has prepared the store (migrations run in the background after the port opens).
        if (startup is not null)
        {
            try
            {
                await startup.Opened.WaitAsync(stoppingToken);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                return; // start-up failed, and stops the process
            }
        }

        using var timer = new PeriodicTimer(options.Value.RetentionInterval);
        do
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                    LogDeleted(deleted, options.Value.RetentionDays);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Searches} recorded searches older than {Days} days")]
    private partial void LogDeleted(int searches, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting expired search insights failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
