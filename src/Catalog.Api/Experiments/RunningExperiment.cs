using Catalog.Core.Search;
using Catalog.Search.Indexing;
using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Experiments;

/// <summary>The running experiment as a search sees it: its id, traffic share and the variant arm's parsed settings.</summary>
public sealed record ActiveExperiment(Experiment Experiment, RankingVariant Settings);

/// <summary>
/// This process's view of the running experiment, read by every search without a store round trip. A start or stop
/// on this replica applies at once; one made on another replica is read from the store every
/// <see cref="ExperimentOptions.RefreshInterval"/>.
/// </summary>
public sealed partial class RunningExperiment(
    ExperimentRegistry registry, IOptions<ExperimentOptions> options, ILogger<RunningExperiment> logger, IndexStartup? startup = null) : BackgroundService
{
    private volatile ActiveExperiment? current;

    public ActiveExperiment? Current => current;

    public void Set(Experiment? experiment) =>
        current = experiment is { IsRunning: true } ? new ActiveExperiment(experiment, experiment.Settings) : null;

    public async Task RefreshAsync(CancellationToken cancellationToken) => Set(await registry.RunningAsync(cancellationToken));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The table exists once start-up has prepared the store (migrations run in the background after the port opens).
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

        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the running experiment failed; keeping the last one read")]
    private partial void LogFailed(Exception exception);
}
