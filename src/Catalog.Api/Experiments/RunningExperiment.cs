using Catalog.Api.Insights;
using Catalog.Core.Search;
using Catalog.Search.Indexing;
using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Experiments;

/// <summary>The running experiment as a search sees it: the experiment and its variant arm's parsed settings.</summary>
public sealed record ActiveExperiment(Experiment Experiment, RankingVariant Settings);

/// <summary>
/// This process's view of the running experiment, read by every search without a store round trip. A start or stop
/// on this replica applies at once; one made on another replica is read from the store every
/// <see cref="ExperimentOptions.RefreshInterval"/>.
/// </summary>
public sealed partial class RunningExperiment(
    ExperimentRegistry registry, IOptions<ExperimentOptions> options, ILogger<RunningExperiment> logger, IndexStartup? startup = null)
    : StoreReadyPeriodicService(startup)
{
    private volatile ActiveExperiment? current;

    public ActiveExperiment? Current => current;

    public void Set(Experiment? experiment) =>
        current = experiment is { IsRunning: true } ? new ActiveExperiment(experiment, experiment.Settings) : null;

    protected override TimeSpan Interval => options.Value.RefreshInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => Set(await registry.RunningAsync(cancellationToken));

    protected override void OnFailed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the running experiment failed; keeping the last one read")]
    private partial void LogFailed(Exception exception);
}
