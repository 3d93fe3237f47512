using System.Threading.Channels;
using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Insights;

/// <summary>
/// A search or a click waiting to be written (exactly one is set); a <paramref name="Rehearsal"/> is written and rolled
/// back (<see cref="InsightsRehearsal"/>).
/// </summary>
internal readonly record struct PendingEvent(SearchEvent? Search, SearchClick? Click, bool Rehearsal = false);

/// <summary>
/// The bounded hand-off between searches and <see cref="InsightsFlushService"/>. Adding never waits: when the queue
/// is full the event is dropped and counted, so recording can neither slow nor fail a search.
/// </summary>
public sealed class InsightsBacklog
{
    private readonly Channel<PendingEvent> channel;
    private readonly object progressLock = new();
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long accepted;
    private long dropped;
    private long processed;

    public InsightsBacklog(IOptions<InsightsOptions> options) =>
        channel = Channel.CreateBounded<PendingEvent>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refused, not waited for
            SingleReader = true,
        });

    /// <summary>Events taken in since start.</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Events refused because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Events taken out and written (or lost to a failed write).</summary>
    public long Processed => Interlocked.Read(ref processed);

    internal ChannelReader<PendingEvent> Reader => channel.Reader;

    internal bool TryAdd(PendingEvent pending)
    {
        if (channel.Writer.TryWrite(pending))
        {
            Interlocked.Increment(ref accepted);
            return true;
        }

        Interlocked.Increment(ref dropped);
        InsightsMetrics.Dropped.WithLabels("queue_full").Inc();
        return false;
    }

    internal void MarkProcessed(int count)
    {
        Interlocked.Add(ref processed, count);
        lock (progressLock)
        {
            progress.TrySetResult();
            progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Completes once every event accepted before the call has been processed (tests and shutdown wait on it).</summary>
    public async Task WaitUntilProcessedAsync(CancellationToken cancellationToken)
    {
        var target = Accepted;
        while (true)
        {
            Task next;
            lock (progressLock)
                next = progress.Task;
            if (Processed >= target)
                return;
            await next.WaitAsync(cancellationToken);
        }
    }
}
