using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Web;

/// <summary>
/// An HTML page template from wwwroot with <c>%ASSET_BASE%</c> replaced by its bundle's versioned base,
/// kept in memory with a strong ETag, and the Content-Security-Policy it is served with.
/// </summary>
internal sealed record ShellPage(byte[] Html, EntityTagHeaderValue ETag, string ContentSecurityPolicy)
{
    public const string AssetBasePlaceholder = "%ASSET_BASE%";

    public static ShellPage Load(string templatePath, AssetBundle bundle, string contentSecurityPolicy)
    {
        var html = Encoding.UTF8.GetBytes(File.ReadAllText(templatePath).Replace(AssetBasePlaceholder, bundle.BasePath, StringComparison.Ordinal));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(html), 0, 16)}\"");
        return new ShellPage(html, etag, contentSecurityPolicy);
    }

    /// <summary>200 with the page (or 304 for its ETag); browsers revalidate every time (<c>no-cache</c>).</summary>
    public IResult Serve(HttpContext http)
    {
        WebSecurityHeaders.Apply(http.Response, ContentSecurityPolicy);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(Html, "text/html; charset=utf-8", entityTag: ETag);
    }
}
