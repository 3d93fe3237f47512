using System.Text.Json;
using Catalog.Search.Indexing;

namespace Catalog.Api.Health;

/// <summary>
/// While the store is prepared and the index opened at start, <c>/graphql</c> answers 503 with
/// <c>Retry-After</c> and a <c>SERVICE_UNAVAILABLE</c> error instead of waiting; health and metrics answer
/// as usual (live 200, ready 503), so an orchestrator does not kill a process that is still building.
/// </summary>
public static class IndexStartupGate
{
    public const int RetryAfterSeconds = 2;

    private static readonly byte[] Body = JsonSerializer.SerializeToUtf8Bytes(new
    {
        errors = new[]
        {
            new
            {
                message = "The service is starting: the search index is being opened or built. Retry shortly.",
                extensions = new { code = "SERVICE_UNAVAILABLE" },
            },
        },
    });

    public static IApplicationBuilder UseIndexStartupGate(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<IndexStartup>() is not { } startup)
            return app;
        return app.Use(async (http, next) =>
        {
            if (startup.IsOpen || !http.Request.Path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase))
            {
                await next(http);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.Body.WriteAsync(Body, http.RequestAborted);
        });
    }
}
