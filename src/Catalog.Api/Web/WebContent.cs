using System.Collections.Frozen;

namespace Catalog.Api.Web;

/// <summary>
/// What wwwroot serves, read once at start: the browse app (<c>index.html</c> over the <c>app/</c> bundle)
/// and the GraphQL IDE (<c>graphiql.html</c> over the <c>ide/</c> bundle), each bundle under its own hash.
/// </summary>
internal sealed class WebContent
{
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    private readonly FrozenDictionary<string, AssetBundle> bundlesByHash;

    private WebContent(ShellPage app, ShellPage ide, IEnumerable<AssetBundle> bundles)
    {
        App = app;
        Ide = ide;
        bundlesByHash = bundles.ToFrozenDictionary(b => b.Hash, StringComparer.Ordinal);
    }

    public ShellPage App { get; }

    public ShellPage Ide { get; }

    /// <summary>The content of <paramref name="webRoot"/>, or null (with the reason) when something is missing.</summary>
    public static WebContent? Load(string? webRoot, out string? missing)
    {
        string[] required = ["index.html", "app", "graphiql.html", "ide"];
        missing = webRoot is null ? "wwwroot" : required.Select(r => Path.Combine(webRoot, r)).FirstOrDefault(p => !Path.Exists(p));
        if (missing is not null)
            return null;

        var appBundle = AssetBundle.Load(Path.Combine(webRoot!, "app"));
        var ideBundle = AssetBundle.Load(Path.Combine(webRoot!, "ide"));
        return new WebContent(
            ShellPage.Load(Path.Combine(webRoot!, "index.html"), appBundle, WebSecurityHeaders.AppPolicy),
            ShellPage.Load(Path.Combine(webRoot!, "graphiql.html"), ideBundle, WebSecurityHeaders.IdePolicy),
            [appBundle, ideBundle]);
    }

    /// <summary>A file of a current bundle, cached for a year (its URL changes with its content); 404 for any other hash or path.</summary>
    public IResult ServeAsset(string hash, string? path, HttpContext http)
    {
        if (!bundlesByHash.TryGetValue(hash, out var bundle) || path is null || bundle.Find(path) is not { } file)
            return TypedResults.NotFound();
        WebSecurityHeaders.Apply(http.Response, WebSecurityHeaders.AppPolicy);
        http.Response.Headers.CacheControl = ImmutableCaching;
        return TypedResults.PhysicalFile(file.PhysicalPath, file.ContentType, entityTag: file.ETag);
    }
}
