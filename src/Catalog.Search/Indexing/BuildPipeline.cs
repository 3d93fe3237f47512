using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Catalog.Core.Titles;

namespace Catalog.Search.Indexing;

/// <summary>
/// The full build's fan-out: one thread reads the feed (the store) and hands titles over in batches to one
/// indexing thread per core, so reading the next page overlaps indexing the current one and the threads
/// meet once per batch rather than once per title. All of them are dedicated threads that block while
/// they wait: thread-pool workers woken for every batch spun for a fifth of the CPU on two cores.
/// Each indexing thread keeps its latest batch back until the feed is exhausted and every thread holds only
/// its last one; then <c>lastBatches</c> runs once and each thread indexes its last batch. That lets the
/// index close every thread's segment on that thread (see <see cref="IndexGeneration.CloseSegmentsOnNextBatch"/>),
/// both at once, instead of one thread writing them all in the commit while the other cores wait
/// (about a seventh of a 100k build's CPU, all of it on one core).
/// </summary>
internal static class BuildPipeline
{
    public const int BatchSize = 512;

    // Enough batches in flight to keep every indexing thread busy while the reader fetches a page.
    private const int BatchesInFlight = 8;

    /// <summary>
    /// Indexes every title of <paramref name="titles"/>, a batch per <paramref name="index"/> call; returns how many.
    /// <paramref name="lastBatches"/> runs once, before the indexing threads index their last batches.
    /// <paramref name="indexed"/> gets the running total after each batch.
    /// </summary>
    public static async Task<long> RunAsync(
        IAsyncEnumerable<Title> titles, Action<IReadOnlyList<Title>> index, Action lastBatches, int threads, Action<long> indexed,
        CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<List<Title>>(BatchesInFlight);
        threads = Math.Max(1, threads);
        using var holdingLast = new Barrier(threads, _ => lastBatches());
        long processed = 0;
        void Index(List<Title> batch)
        {
            index(batch);
            indexed(Interlocked.Add(ref processed, batch.Count));
        }

        var workers = Enumerable.Range(0, threads).Select(_ => Dedicated(failed, () =>
        {
            List<Title>? held = null;
            foreach (var batch in batches.GetConsumingEnumerable(failed.Token))
            {
                if (held is not null)
                    Index(held);
                held = batch;
            }

            holdingLast.SignalAndWait(failed.Token);
            if (held is not null)
                Index(held);
        })).ToList();
        var reader = Dedicated(failed, () =>
        {
            try
            {
                Read(titles, batches, failed.Token);
            }
            finally
            {
                batches.CompleteAdding();
            }
        });

        var all = Task.WhenAll([reader, .. workers]);
        try
        {
            await all;
        }
        catch when (!cancellationToken.IsCancellationRequested && all.Exception is { } failure)
        {
            // The others stopped because of the first failure: report that one, not their cancellations.
            var cause = failure.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? failure.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(cause).Throw();
        }

        return processed;
    }

    private static void Read(IAsyncEnumerable<Title> titles, BlockingCollection<List<Title>> batches, CancellationToken cancellationToken)
    {
        var titlesRead = titles.GetAsyncEnumerator(cancellationToken);
        try
        {
            var batch = new List<Title>(BatchSize);
            while (Wait(titlesRead.MoveNextAsync()))
            {
                batch.Add(titlesRead.Current);
                if (batch.Count < BatchSize)
                    continue;
                batches.Add(batch, cancellationToken);
                batch = new List<Title>(BatchSize);
            }

            if (batch.Count > 0)
                batches.Add(batch, cancellationToken);
        }
        finally
        {
            Wait(titlesRead.DisposeAsync());
        }
    }

    // The store's SQLite reads complete synchronously, so this rarely blocks; on a dedicated thread it may.
    private static bool Wait(ValueTask<bool> next) => next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();

    private static void Wait(ValueTask done)
    {
        if (!done.IsCompletedSuccessfully)
            done.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="work"/> on a thread of its own; a failure cancels the other parts.</summary>
    private static Task Dedicated(CancellationTokenSource failed, Action work) =>
        Task.Factory.StartNew(() =>
        {
            try
            {
                work();
            }
            catch
            {
                failed.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
