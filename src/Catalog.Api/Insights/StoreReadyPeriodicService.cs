using Catalog.Search.Indexing;

namespace Catalog.Api.Insights;

/// <summary>
/// A background pass over the store's insights tables, run once start-up has prepared the store (migrations run in the
/// background after the port opens) and then every <see cref="Interval"/>; a failed pass is reported and retried at the next.
/// </summary>
public abstract class StoreReadyPeriodicService(IndexStartup? startup) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void OnFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                OnFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
