using Catalog.Core.Search;
using Catalog.Store.Writes;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Insights;

/// <summary>Starts, stops and finds ranking experiments; at most one runs at a time.</summary>
public sealed class ExperimentRegistry(ICatalogDbFactory databases, TimeProvider clock)
{
    /// <summary>
    /// Starts an experiment. The running check and the insert share one write transaction (serial on both providers:
    /// SQLite's single writer, PostgreSQL's write lock), so two replicas starting at once cannot both succeed.
    /// </summary>
    public async Task<Experiment> StartAsync(string name, RankingVariant settings, double trafficShare, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > Experiment.MaxNameLength)
            throw WriteRejectedException.Invalid($"'name' must be 1 to {Experiment.MaxNameLength} characters.");
        if (!(trafficShare is >= 0.01 and <= 0.99))
            throw WriteRejectedException.Invalid($"'trafficShare' must be between 0.01 and 0.99 (got {trafficShare}): both arms need viewers.");

        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.StoppedAt == null, cancellationToken) is { } running)
            throw WriteRejectedException.Invalid($"Experiment {running.Id} ('{running.Name}') is running: stop it before starting another.");
        var experiment = new Experiment
        {
            Name = name, VariantSettings = Experiment.SettingsText(settings), TrafficShare = trafficShare, StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return experiment;
    }

    public async Task<Experiment> StopAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw WriteRejectedException.NotFound($"No experiment {id}.");
        if (!experiment.IsRunning)
            throw WriteRejectedException.Invalid($"Experiment {id} was stopped already.");
        experiment.StoppedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return experiment;
    }

    public async Task<Experiment?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        return await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    public async Task<Experiment?> RunningAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        return await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.StoppedAt == null, cancellationToken);
    }

    /// <summary>The latest experiments, newest first.</summary>
    public async Task<IReadOnlyList<Experiment>> LatestAsync(int first, CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        return await db.Experiments.AsNoTracking().OrderByDescending(e => e.Id).Take(first).ToListAsync(cancellationToken);
    }
}
