using System.Buffers;
using Catalog.Core.Titles;

namespace Catalog.Core.Trailers;

/// <summary>An accepted trailer link: the canonical URL, its site and the player URL when the site has one.</summary>
public sealed record TrailerLink(string Url, TrailerSite Site, string? EmbedUrl);

/// <summary>
/// Which trailer URLs the catalog stores: absolute https on an allowed host, default port, no user
/// info, no whitespace, none of the characters that end an HTML attribute or open markup. Everything else (javascript:, data:, http:, other hosts) is refused with a
/// reason a curator can act on.
/// </summary>
public sealed class TrailerUrlPolicy
{
    public const int MaxUrlLength = 2048;

    /// <summary>Characters a page could mistake for the end of an attribute or the start of markup.</summary>
    private const string MarkupCharacters = "'\"<>\\`{}|^";

    private static readonly SearchValues<char> Markup = SearchValues.Create(MarkupCharacters);

    private readonly HashSet<string> allowedHosts;
    private readonly bool privacyEnhancedEmbeds;

    public TrailerUrlPolicy(TrailerOptions options)
    {
        IEnumerable<string> hosts = options.AllowedHosts is { Count: > 0 } configured ? configured : TrailerOptions.DefaultAllowedHosts;
        allowedHosts = new HashSet<string>(hosts.Select(h => h.Trim().ToLowerInvariant()), StringComparer.Ordinal);
        privacyEnhancedEmbeds = options.PrivacyEnhancedEmbeds;
    }

    public IReadOnlyCollection<string> AllowedHosts => allowedHosts;

    /// <summary>The accepted link, or null with <paramref name="reason"/> saying why the URL is refused.</summary>
    public TrailerLink? Check(string? url, out string reason)
    {
        reason = "";
        var text = url?.Trim() ?? "";
        if (text.Length == 0)
            return Refuse("the trailer URL is empty.", out reason);
        if (text.Length > MaxUrlLength)
            return Refuse($"the trailer URL is longer than {MaxUrlLength} characters.", out reason);
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return Refuse("the trailer URL contains spaces or control characters.", out reason);
        if (text.AsSpan().ContainsAny(Markup))
            return Refuse($"the trailer URL contains one of {MarkupCharacters} (percent-encode it).", out reason);
        // On Unix "/path" parses as an absolute file: URI; it is a relative link here.
        if (text[0] == '/' || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
            return Refuse("the trailer URL is not an absolute URL.", out reason);
        if (uri.Scheme != Uri.UriSchemeHttps)
            return Refuse($"trailer URLs must use https (got '{uri.Scheme}:').", out reason);
        if (uri.UserInfo.Length > 0)
            return Refuse("trailer URLs must not carry user names or passwords.", out reason);
        if (!uri.IsDefaultPort)
            return Refuse("trailer URLs must use the default https port.", out reason);
        var host = uri.IdnHost.ToLowerInvariant();
        if (!allowedHosts.Contains(host))
            return Refuse($"'{host}' is not an allowed trailer host (allowed: {string.Join(", ", allowedHosts.Order(StringComparer.Ordinal))}).", out reason);

        var site = TrailerSites.Of(host);
        return new TrailerLink(uri.AbsoluteUri, site, TrailerSites.EmbedUrl(site, uri, privacyEnhancedEmbeds));
    }

    private static TrailerLink? Refuse(string why, out string reason)
    {
        reason = "Refused trailer URL: " + why;
        return null;
    }
}
