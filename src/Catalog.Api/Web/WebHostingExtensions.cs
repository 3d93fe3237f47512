using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Web;

/// <summary>The browse page's shell and assets, and the GraphQL IDE at <c>/graphql</c>, served from wwwroot.</summary>
public static class WebHostingExtensions
{
    /// <summary>Routes of the browse app; any other HTML GET outside the reserved prefixes gets the shell too.</summary>
    private static readonly string[] PageRoutes = ["/", "/search", "/title/{id}", "/curator", "/insights", "/signin"];

    /// <summary>Paths that belong to the API and operations, never to the app.</summary>
    private static readonly string[] ReservedPrefixes = ["/graphql", "/health", "/metrics", "/dev", "/assets", "/insights/click"];

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Compresses the static files' types too (the framework's defaults lack <c>text/javascript</c> and SVG).</summary>
    public static IServiceCollection AddCatalogWeb(this IServiceCollection services) =>
        services.PostConfigure<ResponseCompressionOptions>(o =>
            o.MimeTypes = [.. o.MimeTypes.Union(["text/html", "text/css", "text/javascript", "image/svg+xml"])]);

    public static WebApplication MapCatalogWeb(this WebApplication app)
    {
        var content = WebContent.Load(app.Environment.WebRootPath, out var missing);
        if (content is null)
        {
            app.Logger.LogWarning("No browse page or IDE: {Missing} is missing next to the binary", missing);
            return app;
        }

        app.Use((http, next) => IsIdeRequest(http.Request) ? ServeIde(http, content) : next(http));
        app.MapMethods("/assets/{hash}/{**path}", GetOrHead, (string hash, string? path, HttpContext http) => content.ServeAsset(hash, path, http));
        foreach (var route in PageRoutes)
            app.MapMethods(route, GetOrHead, (HttpContext http) => content.App.Serve(http));
        app.MapFallback((HttpContext http) => IsAppNavigation(http.Request) ? content.App.Serve(http) : TypedResults.NotFound())
            .WithMetadata(new HttpMethodMetadata(GetOrHead));
        return app;
    }

    /// <summary>A browser opening <c>/graphql</c>: an HTML GET with neither a query nor a persisted-query hash.</summary>
    private static bool IsIdeRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && string.Equals(request.Path.Value, "/graphql", StringComparison.OrdinalIgnoreCase)
        && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("extensions")
        && AcceptsHtml(request);

    private static Task ServeIde(HttpContext http, WebContent content)
    {
        // The same URL answers JSON to API clients.
        http.Response.Headers.Vary = HeaderNames.Accept;
        return content.Ide.Serve(http).ExecuteAsync(http);
    }

    /// <summary>The fallback matches only paths without a file extension; it serves the shell to browsers outside the reserved paths.</summary>
    private static bool IsAppNavigation(HttpRequest request) =>
        AcceptsHtml(request)
        && !ReservedPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)
        && ranges.Any(r => r.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (r.Quality ?? 1) > 0);
}
