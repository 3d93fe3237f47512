using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Catalog.Benchmarks.Reporting;

/// <summary>The machine a run was measured on (printed with every result set).</summary>
internal static class MachineInfo
{
    public static MarkdownTable Table(string settings) =>
        new MarkdownTable("Machine and settings", "what", "value")
            .Row("CPU", CpuModel())
            .Row("cores", Environment.ProcessorCount)
            .Row("RAM", MarkdownTable.Mb(TotalMemoryBytes()))
            .Row("OS", RuntimeInformation.OSDescription)
            .Row(".NET", RuntimeInformation.FrameworkDescription)
            .Row("GC", System.Runtime.GCSettings.IsServerGC ? "server" : "workstation (concurrent)")
            .Row("CPU speed probe", SpeedProbe())
            .Row("settings", settings);

    /// <summary>
    /// A fixed CPU-bound task timed at the start of the run: on a shared virtual machine the same code runs at different
    /// speeds from hour to hour, and results from two runs compare only together with their probes.
    /// </summary>
    private static string SpeedProbe()
    {
        var data = new byte[16 << 20];
        new Random(1).NextBytes(data);
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var block = 0; block < 16; block++)
                SHA256.HashData(data);
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return $"SHA-256 of 256 MiB in {best:F0} ms (best of 3; lower is a faster machine)";
    }

    private static string CpuModel() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static long TotalMemoryBytes() =>
        ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? ProcessMemory.KilobytesOf(line) * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    internal static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
