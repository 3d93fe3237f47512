using Catalog.Core.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalog.Search.Indexing;

/// <summary>
/// In the background, so the host serves health and metrics from its first second: prepares the store
/// (<see cref="IStorePreparation"/>: migrations, seeding), opens (or rebuilds) the index, then tails the store's
/// change log: at once after a write in this process commits, and at least once per poll interval for
/// writes made by other processes. A failure to open stops the host.
/// </summary>
internal sealed partial class IndexMaintenanceService(
    CatalogIndex index, IStorePreparation store, IndexStartup startup,
    IChangeSignal changes, SearchOptions options, ILogger<IndexMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await OpenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before catching up, so a write committed during the catch-up wakes the next one at once.
            var committed = changes.NextCommit;
            try
            {
                await index.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped mid catch-up: the host treats a cancelled background task as a failure (and stops)
                // unless the host itself is stopping, so this service can be stopped alone.
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCatchUpFailed(e);
            }

            // A real delay, not the catalog clock: that one may be fixed for demos and never tick.
            await Task.WhenAny(committed, Task.Delay(options.PollInterval, stoppingToken));
        }
    }

    private async Task OpenAsync(CancellationToken stoppingToken)
    {
        // Never hold up the host's start: everything below may take minutes on a large store.
        await Task.Yield();
        try
        {
            await store.PrepareAsync(stoppingToken);
            await index.OpenAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            startup.MarkStopped();
            throw;
        }
        catch (Exception e)
        {
            LogOpenFailed(e);
            startup.MarkFailed(e);
            throw;
        }

        startup.MarkOpened();
        LogOpened(index.DocumentCount, index.AppliedSequence);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the change log to the index failed; retrying at the next poll")]
    private partial void LogCatchUpFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Preparing the store or opening the search index at start failed; stopping")]
    private partial void LogOpenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index open with {Documents} titles at change {Sequence}; serving searches")]
    private partial void LogOpened(int documents, long sequence);
}
