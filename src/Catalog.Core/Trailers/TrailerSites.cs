using Catalog.Core.Titles;

namespace Catalog.Core.Trailers;

/// <summary>Site detection and player URLs for the video sites the catalog knows.</summary>
public static class TrailerSites
{
    public static TrailerSite Of(string host) => host switch
    {
        "youtube.com" or "www.youtube.com" or "m.youtube.com" or "youtu.be" or "www.youtube-nocookie.com" => TrailerSite.YouTube,
        "vimeo.com" or "www.vimeo.com" or "player.vimeo.com" => TrailerSite.Vimeo,
        "imdb.com" or "www.imdb.com" or "m.imdb.com" => TrailerSite.Imdb,
        _ => TrailerSite.Other,
    };

    /// <summary>The iframe URL for a YouTube or Vimeo video link; null when the link names no video.</summary>
    public static string? EmbedUrl(TrailerSite site, Uri uri, bool privacyEnhanced)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (site)
        {
            case TrailerSite.YouTube:
                var id = uri.IdnHost.Equals("youtu.be", StringComparison.OrdinalIgnoreCase)
                    ? segments.FirstOrDefault()
                    : segments is ["embed" or "shorts" or "v" or "live", var pathId, ..] ? pathId : QueryValue(uri, "v");
                if (!IsYouTubeVideoId(id))
                    return null;
                return privacyEnhanced ? $"https://www.youtube-nocookie.com/embed/{id}" : $"https://www.youtube.com/embed/{id}";
            case TrailerSite.Vimeo:
                var number = segments.LastOrDefault();
                return number is { Length: > 0 and <= 12 } && number.All(char.IsAsciiDigit)
                    ? $"https://player.vimeo.com/video/{number}"
                    : null;
            default:
                return null;
        }
    }

    private static bool IsYouTubeVideoId(string? id) =>
        id is { Length: 11 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string? QueryValue(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair.AsSpan(0, separator).SequenceEqual(name))
                return Uri.UnescapeDataString(pair[(separator + 1)..]);
        }

        return null;
    }
}
