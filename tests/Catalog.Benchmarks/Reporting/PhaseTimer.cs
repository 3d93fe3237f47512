using System.Diagnostics;

namespace Catalog.Benchmarks.Reporting;

/// <summary>Wall and CPU time of one phase of the run, started together.</summary>
internal sealed class PhaseTimer
{
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly TimeSpan cpuAtStart = CpuClock.Used();

    public TimeSpan Elapsed => wall.Elapsed;

    public TimeSpan Cpu => CpuClock.Used() - cpuAtStart;
}
