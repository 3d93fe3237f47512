using Catalog.Search.Indexing;

namespace Catalog.Api.Health.WarmUp;

/// <summary>Runs the <see cref="SearchWarmUp"/> once the index has opened at start.</summary>
internal sealed class SearchWarmUpService(SearchWarmUp warmUp, IndexStartup startup) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.Opened.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!startup.IsOpen)
        {
            // Opening failed or the host is stopping: the index's own service reports (and stops the host).
            return;
        }

        await warmUp.RunAsync(stoppingToken);
    }
}
