using System.Diagnostics;

namespace Catalog.Search.Querying;

/// <summary>Milliseconds between consecutive marks, from a start timestamp (a search's phases).</summary>
internal struct PhaseClock(long started)
{
    private long last = started;

    /// <summary>Milliseconds since the previous mark (or the start).</summary>
    public double Next()
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(last, now).TotalMilliseconds;
        last = now;
        return elapsed;
    }
}
