using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Benchmarks.Http;

/// <summary>
/// Load from wrk (a separate, lighter process) when it is installed: a generated Lua script cycles
/// through the request shapes; requests/s and the p50/p99 of its latency distribution are parsed back.
/// </summary>
internal static partial class WrkLoad
{
    public static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "wrk")).FirstOrDefault(File.Exists);

    public static async Task<HttpLoadResult> RunAsync(
        string wrk, Uri server, IReadOnlyList<HttpRequestShape> shapes, int expectedStatus, int connections, TimeSpan duration, string workDirectory, CancellationToken cancellationToken)
    {
        var script = Path.Combine(workDirectory, $"wrk-{expectedStatus}.lua");
        await File.WriteAllTextAsync(script, Script(shapes), cancellationToken);
        var threads = Math.Min(connections, Environment.ProcessorCount);
        var start = new ProcessStartInfo(wrk, [
            "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "30s", "--latency", "-s", script, server.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        var requests = long.Parse(RequestsLine().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var unexpected = UnexpectedLine().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new HttpLoadResult(
            "wrk", connections, duration, requests,
            double.Parse(PerSecondLine().Match(text).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(text, "50"), Latency(text, "99"), unexpected, expectedStatus);
    }

    /// <summary>
    /// A script that cycles through the shapes (wrk itself counts non-2xx/3xx answers). Requests are formatted
    /// once in init(): only then does wrk.headers carry the Host header Kestrel requires; bodies with a
    /// nonce are kept as the text before and after it and formatted per request with a counter in between.
    /// </summary>
    private static string Script(IReadOnlyList<HttpRequestShape> shapes)
    {
        var lua = new StringBuilder("local requests = {}\nlocal fresh = {}\ninit = function(args)\n");
        foreach (var shape in shapes)
        {
            var headers = new Dictionary<string, string>(shape.Headers) { ["Accept"] = "application/graphql-response+json, application/json" };
            if (shape.JsonBody is not null)
                headers["Content-Type"] = "application/json";
            var headerTable = "{" + string.Join(", ", headers.Select(h => $"[{Quote(h.Key)}] = {Quote(h.Value)}")) + "}";
            var nonce = shape.JsonBody?.IndexOf(HttpRequestShape.Nonce, StringComparison.Ordinal) ?? -1;
            if (nonce < 0)
            {
                lua.Append("  requests[#requests + 1] = wrk.format(").Append(Quote(shape.Method)).Append(", ").Append(Quote(shape.PathAndQuery))
                    .Append(", ").Append(headerTable).Append(", ").Append(shape.JsonBody is null ? "nil" : Quote(shape.JsonBody)).Append(")\n");
            }
            else
            {
                lua.Append("  fresh[#fresh + 1] = {").Append(Quote(shape.Method)).Append(", ").Append(Quote(shape.PathAndQuery)).Append(", ")
                    .Append(headerTable).Append(", ").Append(Quote(shape.JsonBody![..nonce])).Append(", ")
                    .Append(Quote(shape.JsonBody[(nonce + HttpRequestShape.Nonce.Length)..])).Append("}\n");
            }
        }

        lua.Append("""
            end
            local threads = 0
            setup = function(thread)
              threads = threads + 1
              thread:set("id", threads)
            end
            local i = 0
            request = function()
              i = i + 1
              if #fresh > 0 then
                local r = fresh[(i % #fresh) + 1]
                return wrk.format(r[1], r[2], r[3], r[4] .. id .. "-" .. i .. r[5])
              end
              return requests[(i % #requests) + 1]
            end

            """);
        return lua.ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static double Latency(string text, string percentile)
    {
        var match = Regex.Match(text, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
            return 0;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex PerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex UnexpectedLine();
}
