using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Http;

/// <summary>The two response media types of GraphQL over HTTP, chosen from the request's Accept header.</summary>
internal sealed record ResponseFormat(string MediaType, bool StatusReflectsRequestErrors)
{
    public static readonly ResponseFormat GraphQLResponseJson = new("application/graphql-response+json", true);

    /// <summary>Legacy: 200 for every well-formed request, whatever its errors.</summary>
    public static readonly ResponseFormat Json = new("application/json", false);

    private static readonly ResponseFormat[] ByPreference = [GraphQLResponseJson, Json];

    public string ContentType => MediaType + "; charset=utf-8";

    /// <summary>The acceptable format with the highest quality (ties go to the newer type); null when none is.</summary>
    public static ResponseFormat? Negotiate(StringValues accept)
    {
        // No Accept header: a legacy client, per the GraphQL-over-HTTP watershed rules.
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
            return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return Json;

        ResponseFormat? best = null;
        double bestQuality = 0;
        foreach (var format in ByPreference)
        {
            var quality = QualityOf(format.MediaType, ranges);
            if (quality > bestQuality)
                (best, bestQuality) = (format, quality);
        }

        return best;
    }

    /// <summary>The quality the most specific matching range gives <paramref name="mediaType"/> (0 when none matches).</summary>
    private static double QualityOf(string mediaType, IList<MediaTypeHeaderValue> ranges)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var (type, subType) = (mediaType[..slash], mediaType[(slash + 1)..]);
        var bestSpecificity = -1;
        double quality = 0;
        foreach (var range in ranges)
        {
            var specificity =
                range.MatchesAllTypes ? 0
                : !range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) ? -1
                : range.MatchesAllSubTypes ? 1
                : range.SubType.Equals(subType, StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (specificity > bestSpecificity)
                (bestSpecificity, quality) = (specificity, range.Quality ?? 1.0);
        }

        return quality;
    }
}
