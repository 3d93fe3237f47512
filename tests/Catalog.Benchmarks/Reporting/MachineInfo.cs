using System.Runtime.InteropServices;

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
            .Row("settings", settings);

    private static string CpuModel() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static long TotalMemoryBytes() =>
        ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? ProcessMemory.KilobytesOf(line) * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    internal static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
