using Catalog.Core.Feed;
using Catalog.Core.Ranking;
using Catalog.Search.Analysis;
using Microsoft.Extensions.Logging;

namespace Catalog.Search.Indexing;

/// <summary>Progress of a full build: titles written so far out of the store's count at the start.</summary>
public readonly record struct IndexBuildProgress(long Processed, long Total);

/// <summary>Outcome of a full build.</summary>
public sealed record IndexBuildResult(string Generation, long Titles, long Sequence);

/// <summary>
/// The live index: serves searchers from the current generation, applies the store's change log to it,
/// rebuilds into a new generation and swaps it in atomically. Writes (catch-up, swap) are serialised;
/// searches never wait on them and never see a generation that is not fully built and caught up.
/// </summary>
public sealed partial class CatalogIndex(
    IndexLayout layout, CatalogAnalyzers analyzers, ITitleFeed feed, SearchOptions options, TimeProvider clock, ILogger<CatalogIndex> logger)
    : ISearcherSource, IIndexHealth, ICatalogMean, IDisposable
{
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SemaphoreSlim buildGate = new(1, 1);
    private readonly ChangeLogLag lag = new(clock);
    private IndexGeneration? current;
    private bool caughtUp;
    private string? unopenable;
    private string? unreadable;

    public IndexLayout Layout => layout;

    /// <summary>Name of the generation being served, null before <see cref="OpenAsync"/>.</summary>
    public string? Generation => Volatile.Read(ref current)?.Name;

    /// <summary>Within the lag allowance rather than at lag 0, so a replica tailing other replicas' steady writes does not flap.</summary>
    public bool IsReady => Volatile.Read(ref current) is not null && Volatile.Read(ref caughtUp) && LagTime <= options.ReadyMaxLag;

    public long AppliedSequence => Volatile.Read(ref current)?.AppliedSequence ?? 0;

    public long Lag => lag.Entries(AppliedSequence);

    public TimeSpan LagTime => lag.Age(AppliedSequence);

    public int DocumentCount => Volatile.Read(ref current)?.DocumentCount() ?? 0;

    public long SizeBytes => Volatile.Read(ref current)?.SizeBytes() ?? 0;

    /// <summary>C of the reader searches see now (see <see cref="CatalogSearcher.CatalogMean"/>).</summary>
    double ICatalogMean.Current
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.CatalogMean;
        }
    }

    public SearcherLease Acquire()
    {
        while (true)
        {
            var generation = Volatile.Read(ref current)
                ?? throw new InvalidOperationException("The search index is not open yet.");
            if (generation.TryRetain())
                return generation.AcquireRetained();
        }
    }

    /// <summary>
    /// Opens the generation the pointer names, or rebuilds from the store when it is missing or unreadable;
    /// removes half-built generations a crash left behind; then catches up with the change log.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (current is null)
            {
                var pointed = layout.ReadPointer();
                foreach (var stale in layout.DeleteUnused(pointed, options.AbandonedBuildAge))
                    LogDeletedStale(stale);
                current = pointed is null ? null : TryOpen(pointed);
                if (current is null && pointed is not null)
                    unreadable = pointed;
                if (current is not null && current.AppliedSequence > await feed.LatestSequenceAsync(cancellationToken))
                {
                    // The index has seen changes the store does not have: the store was replaced under it.
                    LogAheadOfStore(current.Name, current.AppliedSequence);
                    current.Retire(delete: true);
                    current = null;
                }
                else if (current is not null && await feed.CompactedThroughAsync(cancellationToken) is var compacted && current.AppliedSequence < compacted)
                {
                    // Entries it never read were compacted away. Catching up would still be correct (the newest entry
                    // per title is kept and titles are reloaded whole), but a replica away that long has most titles
                    // to reload anyway: rebuild, as the operator documentation promises.
                    LogBehindCompaction(current.Name, current.AppliedSequence, compacted);
                    current.Retire(delete: true);
                    current = null;
                }
            }
        }
        finally
        {
            writeGate.Release();
        }

        if (current is null)
        {
            LogRebuildingAtStart(layout.Root);
            await RebuildAsync(null, cancellationToken);
            if (unreadable is not null && IndexLayout.TryDelete(layout.PathOf(unreadable)))
                LogDeletedStale(unreadable);
        }

        await CatchUpAsync(cancellationToken);
    }

    /// <summary>
    /// Applies change-log entries after the applied sequence, in batches, each made searchable at once and
    /// committed at most every <see cref="SearchOptions.CommitInterval"/>. Also follows the pointer when another process (<c>catalog reindex</c>) swapped generations.
    /// Returns the number of entries applied.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            FollowPointer();
            return current is null ? 0 : await ApplyChangesAsync(current, cancellationToken);
        }
        catch
        {
            // Not ready until a catch-up succeeds again (store unreachable, disk full, …).
            Volatile.Write(ref caughtUp, false);
            throw;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Reads the store's newest sequence and the oldest entry not applied yet; nothing to measure before the index opens.</summary>
    public async Task MeasureLagAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref current) is not { } generation)
            return;
        var applied = generation.AppliedSequence;
        lag.SawLatest(await feed.LatestSequenceAsync(cancellationToken));
        var next = await feed.ChangesAfterAsync(applied, 1, cancellationToken);
        lag.SawOldestPending(next.Count > 0 ? next[0] : null);
    }

    /// <summary>
    /// Builds a new generation from the store while searches go on against the current one, brings it up to
    /// date with the changes made meanwhile, points at it and serves it. On failure the new generation is
    /// deleted and the current one keeps serving. One build at a time; a second caller waits.
    /// </summary>
    public async Task<IndexBuildResult> RebuildAsync(IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        await buildGate.WaitAsync(cancellationToken);
        try
        {
            var built = await BuildGenerationAsync(progress, cancellationToken);
            var titles = built.DocumentCount();
            try
            {
                await SwapInAsync(built, cancellationToken);
            }
            catch
            {
                built.Retire(delete: true);
                throw;
            }

            LogSwapped(built.Name, titles, built.AppliedSequence);
            return new IndexBuildResult(built.Name, titles, built.AppliedSequence);
        }
        finally
        {
            buildGate.Release();
        }
    }

    public void Dispose()
    {
        var last = Interlocked.Exchange(ref current, null);
        try
        {
            // Not needed for correctness (a restart replays the change log from the last commit), only to make it quick.
            last?.CommitPublished(TimeSpan.Zero);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            LogFinalCommitFailed(e, last!.Name);
        }

        last?.Retire(delete: false);
        writeGate.Dispose();
        buildGate.Dispose();
    }

    private async Task<IndexGeneration> BuildGenerationAsync(IProgress<IndexBuildProgress>? progress, CancellationToken cancellationToken)
    {
        // The sequence is read before the titles: a change racing the scan is either in the scan or re-applied after it.
        var startSequence = await feed.LatestSequenceAsync(cancellationToken);
        var total = await feed.CountTitlesAsync(cancellationToken);
        var generation = IndexGeneration.CreateEmpty(layout, layout.NewGeneration(), analyzers);
        try
        {
            progress?.Report(new IndexBuildProgress(0, total));
            // The store is read on one task; analysis (the expensive part) runs on every core: the IndexWriter
            // takes documents from many threads at once.
            var processed = await BuildPipeline.RunAsync(
                feed.ReadAllAsync(cancellationToken), generation.AddAll, generation.CloseSegmentsOnNextBatch, Environment.ProcessorCount,
                done => progress?.Report(new IndexBuildProgress(done, Math.Max(total, done))), cancellationToken);

            generation.Commit(startSequence);
            progress?.Report(new IndexBuildProgress(processed, processed));
            return generation;
        }
        catch (Exception e)
        {
            LogBuildFailed(e, generation.Name);
            generation.Retire(delete: true);
            throw;
        }
    }

    /// <summary>Applies the changes made during the build, then moves the pointer and the searchers to the new generation.</summary>
    private async Task SwapInAsync(IndexGeneration built, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await ApplyChangesAsync(built, cancellationToken);
            built.CommitPublished(TimeSpan.Zero);
            layout.WritePointer(built.Name);
            var old = current;
            Volatile.Write(ref current, built);
            old?.Retire(delete: true);
        }
        finally
        {
            writeGate.Release();
        }
    }

    private async Task<int> ApplyChangesAsync(IndexGeneration generation, CancellationToken cancellationToken)
    {
        var applied = 0;
        while (true)
        {
            var changes = await feed.ChangesAfterAsync(generation.AppliedSequence, options.CatchUpBatchSize, cancellationToken);
            if (changes.Count == 0)
                break;
            lag.SawLatest(changes[^1].Sequence);
            lag.SawOldestPending(changes[0]);
            var ids = changes.Select(c => c.TitleId).Distinct(StringComparer.Ordinal).ToList();
            var titles = (await feed.LoadAsync(ids, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (titles.TryGetValue(id, out var title))
                    generation.Upsert(title);
                else
                    generation.Delete(id);
            }

            generation.Publish(changes[^1].Sequence);
            applied += changes.Count;
            if (changes.Count < options.CatchUpBatchSize)
                break;
        }

        generation.CommitPublished(options.CommitInterval);
        Volatile.Write(ref caughtUp, true);
        return applied;
    }

    private void FollowPointer()
    {
        var pointed = layout.ReadPointer();
        if (pointed is null || pointed == current?.Name || pointed == unopenable)
            return;
        if (TryOpen(pointed) is not { } next)
        {
            unopenable = pointed; // logged once, not at every poll
            return;
        }

        var old = current;
        Volatile.Write(ref current, next);
        old?.Retire(delete: true);
        LogFollowedPointer(pointed);
    }

    private IndexGeneration? TryOpen(string generation)
    {
        try
        {
            return IndexGeneration.Open(layout, generation, analyzers);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(e, generation);
            return null;
        }
    }
}
