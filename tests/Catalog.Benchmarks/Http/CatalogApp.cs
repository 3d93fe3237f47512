using System.Diagnostics;

namespace Catalog.Benchmarks.Http;

/// <summary>The real app as a child process: <c>dotnet catalog.dll serve --urls … --data …</c>, output to a log file.</summary>
internal sealed class CatalogApp : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private CatalogApp(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

    public int ProcessId => process.Id;

    /// <summary>The app built next to this benchmark (same configuration), or the path given with --catalog-dll.</summary>
    public static string? Locate(string? explicitPath)
    {
        var baseDirectory = AppContext.BaseDirectory;
        string[] candidates =
        [
            explicitPath ?? "",
            Path.Combine(baseDirectory.Replace("Catalog.Benchmarks", "Catalog.Api", StringComparison.Ordinal), "catalog.dll"),
            Path.Combine(RepoRoot.Find(), "src", "Catalog.Api", "bin", "Release", "net10.0", "catalog.dll"),
        ];
        return candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(c));
    }

    public static CatalogApp Start(string dll, Uri server, string dataDirectory, string logPath)
    {
        var start = new ProcessStartInfo("dotnet", [dll, "serve", "--urls", server.ToString().TrimEnd('/'), "--data", dataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // All load comes from one loopback address: the per-client search limit would answer it with 429.
        start.Environment["Catalog__RateLimits__SearchesPerMinute"] = "1000000000";
        // Admission control answers 503 beyond 2 × cores executing + 4 × cores queued (12 on 2 cores): the load's 16
        // connections would be mostly fast refusals. Queued requests still execute at most 2 × cores at a time.
        start.Environment["Catalog__GraphQL__QueueLength"] = "1024";
        start.Environment["Catalog__Clock__Now"] = BenchmarkRun.SearchNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("catalog serve did not start");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new CatalogApp(process, log);
    }

    /// <summary>Polls /health/ready until it answers 200, the process exits, or the timeout passes.</summary>
    public async Task<bool> WaitReadyAsync(Uri server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                    return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy building the index.
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        log.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.WriteLine(line);
    }
}
