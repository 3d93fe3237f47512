namespace Catalog.Api.Web;

/// <summary>The headers every page and asset carries: a strict CSP, no MIME sniffing, limited referrers.</summary>
internal static class WebSecurityHeaders
{
    /// <summary>
    /// The browse app: only its own scripts, styles and API; trailer embeds from the video hosts whose embed
    /// URLs the API produces; never framed itself.
    /// </summary>
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// GraphiQL: still no inline or foreign scripts, but it sets element styles at run time and its CSS
    /// embeds its fonts as data: URLs.
    /// </summary>
    public const string IdePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static void Apply(HttpResponse response, string contentSecurityPolicy)
    {
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }
}
