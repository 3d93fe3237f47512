using System.Diagnostics;
using System.Globalization;

namespace Catalog.Benchmarks.Http;

/// <summary>
/// One search POST timed by curl: a process and a connection of its own, as a viewer's first request arrives, and no
/// client-side JIT in the figure. This process's own HttpClient compiles its response path on its first searches
/// (measured at 1M titles: its "same search again" 14–24 ms where curl's took ~10), which the first searches after a
/// start would otherwise count against the server. Used when curl is installed.
/// </summary>
internal static class CurlSearch
{
    public static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "curl")).FirstOrDefault(File.Exists);

    /// <summary>Milliseconds from connecting to the last byte of the answer; throws unless it answered 200.</summary>
    public static async Task<double> TimeAsync(string curl, Uri server, HttpRequestShape shape, CancellationToken cancellationToken)
    {
        var body = (shape.JsonBody ?? "").Replace(HttpRequestShape.Nonce, Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        var start = new ProcessStartInfo(curl, [
            "-s", "-o", "/dev/null", "-w", "%{time_total} %{http_code}", "-X", shape.Method,
            "-H", "Content-Type: application/json", "-H", "Accept: application/graphql-response+json, application/json",
            "--data-binary", "@-", new Uri(server, shape.PathAndQuery.TrimStart('/')).ToString()])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("curl did not start");
        await process.StandardInput.WriteAsync(body.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        var output = (await process.StandardOutput.ReadToEndAsync(cancellationToken)).Split(' ');
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || output.Length != 2 || output[1] != "200")
            throw new InvalidOperationException($"curl's search answered '{string.Join(' ', output)}' (exit code {process.ExitCode})");
        return double.Parse(output[0], CultureInfo.InvariantCulture) * 1000;
    }
}
