using System.Diagnostics;
using Catalog.Benchmarks.Reporting;

namespace Catalog.Benchmarks.Http;

/// <summary>
/// One kind of request the load generators send: method, body or query string, extra headers. A body holding
/// <see cref="Nonce"/> gets a number in its place that differs on every request, so no two requests share a
/// response-cache entry (what a cache-busting client does).
/// </summary>
internal sealed record HttpRequestShape(string Method, string PathAndQuery, string? JsonBody, IReadOnlyDictionary<string, string> Headers)
{
    public const string Nonce = "__nonce__";
}

internal sealed record HttpLoadResult(string Tool, int Connections, TimeSpan Duration, long Requests, double PerSecond, double P50, double P99, long Unexpected, int ExpectedStatus);

/// <summary>
/// The built-in load generator: N workers, each with its own connection, sending requests back to back for
/// a fixed time and timing each one. Used when wrk is not installed.
/// </summary>
internal static class HttpLoad
{
    public static async Task<HttpLoadResult> RunAsync(
        Uri server, IReadOnlyList<HttpRequestShape> shapes, int expectedStatus, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>[connections];
        long unexpected = 0;
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            while (wall.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var shape = shapes[(int)((uint)Interlocked.Increment(ref next) % (uint)shapes.Count)];
                using var request = Message(shape);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request, cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    if ((int)response.StatusCode != expectedStatus)
                        Interlocked.Increment(ref unexpected);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref unexpected);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, cancellationToken)));
        wall.Stop();
        var summary = Percentiles.Of([.. latencies.SelectMany(l => l)], wall.Elapsed);
        return new HttpLoadResult("built-in HttpClient", connections, wall.Elapsed, summary.Count, summary.PerSecond, summary.P50, summary.P99, unexpected, expectedStatus);
    }

    /// <summary>Sends every shape once, <paramref name="connections"/> at a time; answers are not checked.</summary>
    public static async Task EachOnceAsync(Uri server, IReadOnlyList<HttpRequestShape> shapes, int connections, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(shapes, new ParallelOptions { MaxDegreeOfParallelism = connections, CancellationToken = cancellationToken }, async (shape, token) =>
        {
            using var request = Message(shape);
            using var response = await client.SendAsync(request, token);
            await response.Content.LoadIntoBufferAsync(token);
        });
    }

    private static long sent;

    public static HttpRequestMessage Message(HttpRequestShape shape)
    {
        var request = new HttpRequestMessage(new HttpMethod(shape.Method), shape.PathAndQuery);
        if (shape.JsonBody is not null)
        {
            var body = shape.JsonBody.Replace(HttpRequestShape.Nonce, Interlocked.Increment(ref sent).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json, application/json");
        foreach (var (name, value) in shape.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
