using System.Threading.Channels;
using Catalog.Core.Titles;

namespace Catalog.Search.Indexing;

/// <summary>
/// The full build's fan-out: one task reads the feed (the store) and hands titles over in batches to one
/// indexing thread per core, so reading the next page overlaps indexing the current one and the threads
/// meet once per batch rather than once per title.
/// </summary>
internal static class BuildPipeline
{
    public const int BatchSize = 256;

    // Enough batches in flight to keep every indexing thread busy while the reader fetches a page.
    private const int BatchesInFlight = 16;

    /// <summary>Indexes every title of <paramref name="titles"/>; returns how many. <paramref name="indexed"/> gets the running total after each batch.</summary>
    public static async Task<long> RunAsync(
        IAsyncEnumerable<Title> titles, Action<Title> index, int threads, Action<long> indexed, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<List<Title>>(new BoundedChannelOptions(BatchesInFlight) { SingleWriter = true });
        long processed = 0;
        // Dedicated threads that block while the channel is empty: thread-pool workers spinning for work
        // took a fifth of the CPU on two cores.
        var workers = Enumerable.Range(0, Math.Max(1, threads)).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                while (batches.Reader.WaitToReadAsync(failed.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (batches.Reader.TryRead(out var batch))
                    {
                        foreach (var title in batch)
                            index(title);
                        indexed(Interlocked.Add(ref processed, batch.Count));
                    }
                }
            }
            catch
            {
                // Stop the reader and the other workers instead of leaving them blocked on a full channel.
                failed.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        try
        {
            var batch = new List<Title>(BatchSize);
            await foreach (var title in titles.WithCancellation(failed.Token))
            {
                batch.Add(title);
                if (batch.Count < BatchSize)
                    continue;
                await batches.Writer.WriteAsync(batch, failed.Token);
                batch = new List<Title>(BatchSize);
            }

            if (batch.Count > 0)
                await batches.Writer.WriteAsync(batch, failed.Token);
            batches.Writer.Complete();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A worker failed and stopped the reader: its exception is the one to report.
            await Task.WhenAll(workers);
            throw;
        }
        catch (Exception e)
        {
            batches.Writer.TryComplete(e);
            await failed.CancelAsync();
            await Task.WhenAll(workers).ContinueWith(_ => { }, TaskScheduler.Default); // they fail with e: observed, not reported twice
            throw;
        }

        await Task.WhenAll(workers);
        return processed;
    }
}
