using Catalog.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalog.Search.Indexing;

/// <summary>
/// Opens (or rebuilds) the index before the host starts serving, then tails the store's change log:
/// at once after a write in this process commits, and at least once per poll interval for writes made by
/// other processes.
/// </summary>
internal sealed partial class IndexMaintenanceService(
    CatalogIndex index, StoreInitializer store, ChangeSignal changes, SearchOptions options, ILogger<IndexMaintenanceService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await index.OpenAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before catching up, so a write committed during the catch-up wakes the next one at once.
            var committed = changes.NextCommit;
            try
            {
                await index.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCatchUpFailed(e);
            }

            // A real delay, not the catalog clock: that one may be fixed for demos and never tick.
            await Task.WhenAny(committed, Task.Delay(options.PollInterval, stoppingToken));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the change log to the index failed; retrying at the next poll")]
    private partial void LogCatchUpFailed(Exception exception);
}
