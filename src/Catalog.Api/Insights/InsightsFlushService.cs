using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Insights;

/// <summary>
/// Writes queued searches and clicks in batches. A failed batch is logged and counted as dropped, never retried:
/// insights are statistics, and a store that refuses writes must not make the queue (and memory) grow.
/// </summary>
internal sealed partial class InsightsFlushService(
    InsightsBacklog queue, InsightsWriter writer, IOptions<InsightsOptions> options, ILogger<InsightsFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync(settings.BatchSize, stoppingToken);
                if (settings.FlushInterval > TimeSpan.Zero)
                    await Task.Delay(settings.FlushInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is written below.
        }

        while (queue.Reader.TryPeek(out _))
            await WriteBatchAsync(settings.BatchSize, CancellationToken.None);
    }

    private async Task WriteBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var searches = new List<SearchEvent>();
        var clicks = new List<SearchClick>();
        while (searches.Count + clicks.Count < batchSize && queue.Reader.TryRead(out var pending))
        {
            if (pending.Search is { } search)
                searches.Add(search);
            else if (pending.Click is { } click)
                clicks.Add(click);
        }

        try
        {
            var kept = await writer.WriteAsync(searches, clicks, cancellationToken);
            if (kept < clicks.Count)
                InsightsMetrics.Dropped.WithLabels("unknown_search").Inc(clicks.Count - kept);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            InsightsMetrics.Dropped.WithLabels("write_failed").Inc(searches.Count + clicks.Count);
            LogWriteFailed(e, searches.Count, clicks.Count);
        }
        finally
        {
            queue.MarkProcessed(searches.Count + clicks.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Searches} searches and {Clicks} clicks for insights failed; they are dropped")]
    private partial void LogWriteFailed(Exception exception, int searches, int clicks);
}
