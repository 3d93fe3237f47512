using Catalog.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalog.Search.Indexing;

/// <summary>
/// Opens (or rebuilds) the index before the host starts serving, then tails the store's change log so
/// edits become searchable within about one poll interval.
/// </summary>
internal sealed partial class IndexMaintenanceService(
    CatalogIndex index, StoreInitializer store, SearchOptions options, ILogger<IndexMaintenanceService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await index.OpenAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A real timer, not the catalog clock: that one may be fixed for demos and never tick.
        using var timer = new PeriodicTimer(options.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await index.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCatchUpFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the change log to the index failed; retrying at the next poll")]
    private partial void LogCatchUpFailed(Exception exception);
}
