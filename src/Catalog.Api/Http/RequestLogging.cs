using System.Diagnostics;

namespace Catalog.Api.Http;

/// <summary>
/// One structured log line per request: method, path, status and elapsed milliseconds. Production config
/// (appsettings.Production.json) turns this category down to Warning: formatting and writing a console line
/// cost about 30 % of the CPU of a response-cache hit (0.114 vs 0.085 ms per request, wrk at 100k).
/// </summary>
internal sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            LogRequest(logger, http.Request.Method, http.Request.Path, http.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, PathString path, int status, double elapsedMs);
}
