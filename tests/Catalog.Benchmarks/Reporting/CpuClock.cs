using System.Globalization;

namespace Catalog.Benchmarks.Reporting;

/// <summary>
/// CPU time used by this process plus, optionally, other local processes (a PostgreSQL backend). Unlike
/// wall time it barely moves when other work shares the machine, so it is reported beside every timing.
/// </summary>
internal static class CpuClock
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Used(IReadOnlyList<int>? otherProcesses = null)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var total = self.TotalProcessorTime;
        foreach (var pid in otherProcesses ?? [])
            total += OfProcess(pid);
        return total;
    }

    /// <summary>utime + stime of /proc/PID/stat (fields 14 and 15, counted after the command name).</summary>
    public static TimeSpan OfProcess(int pid)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(path))
            return TimeSpan.Zero;
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
