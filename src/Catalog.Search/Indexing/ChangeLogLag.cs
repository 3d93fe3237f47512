using Catalog.Core.Changes;

namespace Catalog.Search.Indexing;

/// <summary>
/// What the index last learned about the change log beyond what it applied: the newest sequence, and the
/// oldest entry not yet applied with its time. Written without locks by the catch-up loop and by
/// measurements (health checks, scrapes); a pending entry at or below the applied sequence no longer counts,
/// so a measurement that lands after a catch-up never reports lag that was already applied.
/// </summary>
internal sealed class ChangeLogLag(TimeProvider clock)
{
    private sealed record Pending(long Sequence, DateTime At);

    private long latest;
    private Pending? oldestPending;

    public void SawLatest(long sequence)
    {
        var seen = Interlocked.Read(ref latest);
        while (sequence > seen && Interlocked.CompareExchange(ref latest, sequence, seen) != seen)
            seen = Interlocked.Read(ref latest);
    }

    /// <summary>Records the oldest entry after the applied sequence, or null when there was none.</summary>
    public void SawOldestPending(ChangeLogEntry? oldest) =>
        Volatile.Write(ref oldestPending, oldest is null ? null : new Pending(oldest.Sequence, oldest.At));

    public long Entries(long applied) => Math.Max(0, Interlocked.Read(ref latest) - applied);

    public TimeSpan Age(long applied) => Volatile.Read(ref oldestPending) is { } pending && pending.Sequence > applied
        ? TimeSpan.FromTicks(Math.Max(0, (clock.GetUtcNow().UtcDateTime - pending.At).Ticks))
        : TimeSpan.Zero;
}
