using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Insights;

/// <summary>
/// Writes queued searches and clicks in batches. A failed batch is logged and counted as dropped, never retried:
/// insights are statistics, and a store that refuses writes must not make the queue (and memory) grow. Rehearsed searches
/// (<see cref="InsightsRehearsal"/>) are written apart and rolled back.
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
        var rehearsed = new List<SearchEvent>();
        while (searches.Count + clicks.Count + rehearsed.Count < batchSize && queue.Reader.TryRead(out var pending))
        {
            if (pending.Search is { } search)
                (pending.Rehearsal ? rehearsed : searches).Add(search);
            else if (pending.Click is { } click)
                clicks.Add(click);
        }

        try
        {
            if (searches.Count + clicks.Count > 0)
                await WriteAsync(searches, clicks, cancellationToken);
            if (rehearsed.Count > 0)
                await RehearseAsync(rehearsed, cancellationToken);
        }
        finally
        {
            queue.MarkProcessed(searches.Count + clicks.Count + rehearsed.Count);
        }
    }

    private async Task WriteAsync(List<SearchEvent> searches, List<SearchClick> clicks, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Nothing is lost when a rehearsal fails (nothing was to be kept), so it is logged and not counted as dropped.</summary>
    private async Task RehearseAsync(List<SearchEvent> rehearsed, CancellationToken cancellationToken)
    {
        try
        {
            await writer.RehearseAsync(rehearsed, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogRehearsalFailed(e, rehearsed.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Searches} searches and {Clicks} clicks for insights failed; they are dropped")]
    private partial void LogWriteFailed(Exception exception, int searches, int clicks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rehearsing the write of {Searches} warm-up searches failed; the first insights batch will compile it")]
    private partial void LogRehearsalFailed(Exception exception, int searches);
}
