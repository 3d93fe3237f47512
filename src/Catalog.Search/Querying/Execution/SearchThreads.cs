using System.Runtime.ExceptionServices;
using Lucene.Net.Index;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// Lends a search the cores no other search is using (OpenSearch's concurrent segment search, taken only when it is
/// free): a search's segments are read by several workers when fewer searches run than the machine has cores, and by
/// the calling thread alone when the machine is busy, so one search alone finishes sooner while many together get no
/// more threads than cores. A worker takes the next unread segment, largest first, and keeps its own collector, so
/// nothing is shared between workers but the segment counter.
/// </summary>
internal static class SearchThreads
{
    private static int searching;

    /// <summary>The most workers the search running on this thread may use (1 outside a search).</summary>
    [ThreadStatic]
    private static int granted;

    /// <summary>
    /// Counts a search as running on this thread until the scope is disposed; it may use at most <paramref name="maxPerSearch"/>
    /// workers (<see cref="SearchOptions.ThreadsPerSearch"/>; 0: as many as the machine has cores).
    /// </summary>
    public static Scope Running(int maxPerSearch)
    {
        Interlocked.Increment(ref searching);
        var outer = granted;
        granted = maxPerSearch > 0 ? maxPerSearch : Environment.ProcessorCount;
        return new Scope(outer);
    }

    /// <summary>
    /// The workers the search on this thread may use now over <paramref name="segments"/> segments: its own thread and the
    /// cores no other search holds, at most what it was granted, at least 1.
    /// </summary>
    public static int Available(int segments)
    {
        var idle = Environment.ProcessorCount - Math.Max(1, Volatile.Read(ref searching)) + 1;
        return Math.Clamp(Math.Min(idle, granted), 1, Math.Max(1, segments));
    }

    /// <summary>
    /// Runs <paramref name="body"/> (worker, index of a segment in <paramref name="leaves"/>) over every segment on
    /// <paramref name="workers"/> workers, the calling thread being one of them; each segment once, largest first. Returns
    /// when all are done; a worker's exception is rethrown as it was.
    /// </summary>
    public static void ForEachSegment(IList<AtomicReaderContext> leaves, int workers, Action<int, int> body)
    {
        if (workers <= 1 || leaves.Count <= 1)
        {
            for (var i = 0; i < leaves.Count; i++)
                body(0, i);
            return;
        }

        var order = Enumerable.Range(0, leaves.Count).OrderByDescending(i => leaves[i].AtomicReader.MaxDoc).ToArray();
        var next = -1;
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < order.Length)
                    body(worker, order[i]);
            });
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }
    }

    public readonly struct Scope(int outer) : IDisposable
    {
        public void Dispose()
        {
            granted = outer;
            Interlocked.Decrement(ref searching);
        }
    }
}
