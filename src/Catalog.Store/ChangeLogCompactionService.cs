using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalog.Store;

/// <summary>
/// Runs <see cref="ChangeLogCompactor"/> every <see cref="StoreOptions.ChangeLogCompactionInterval"/> in a
/// serving process. Every replica runs it; their batches interleave safely (see the compactor).
/// </summary>
internal sealed partial class ChangeLogCompactionService(
    ChangeLogCompactor compactor, StoreOptions options, ILogger<ChangeLogCompactionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the catalog clock: that one may be fixed for demos and never tick.
        using var timer = new PeriodicTimer(options.ChangeLogCompactionInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await compactor.CompactAsync(stoppingToken);
                if (deleted > 0)
                    LogCompacted(deleted, options.ChangeLogRetention);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCompactionFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted the change log: deleted {Entries} superseded entries older than {Retention}")]
    private partial void LogCompacted(long entries, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Error, Message = "Compacting the change log failed; retrying at the next interval")]
    private partial void LogCompactionFailed(Exception exception);
}
