using System.Globalization;

namespace Catalog.Benchmarks.Reporting;

/// <summary>Resident memory (VmRSS) of this or another process, and a sampler of its peak while work runs.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int? processId = null)
    {
        var status = $"/proc/{(processId is int id ? id.ToString(CultureInfo.InvariantCulture) : "self")}/status";
        var line = MachineInfo.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? Environment.WorkingSet : KilobytesOf(line) * 1024;
    }

    /// <summary>"VmRSS:   123456 kB" → 123456.</summary>
    public static long KilobytesOf(string line) =>
        long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Samples resident memory every 50 ms until disposed; <see cref="PeakBytes"/> is the highest seen.</summary>
    public sealed class PeakSampler : IDisposable
    {
        private readonly int? processId;
        private readonly Timer timer;
        private long peak;

        public PeakSampler(int? processId = null)
        {
            this.processId = processId;
            peak = ResidentBytes(processId);
            timer = new Timer(_ => Sample(), null, 0, 50);
        }

        public long PeakBytes
        {
            get
            {
                Sample();
                return Interlocked.Read(ref peak);
            }
        }

        public void Dispose() => timer.Dispose();

        private void Sample()
        {
            try
            {
                var now = ResidentBytes(processId);
                long seen;
                while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
                {
                }
            }
            catch (IOException)
            {
                // The sampled process has exited; keep the peak seen so far.
            }
        }
    }
}
