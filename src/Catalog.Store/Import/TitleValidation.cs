using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Core.Titles;
using Catalog.Core.Trailers;

namespace Catalog.Store.Import;

/// <summary>A draft after validation: cleaned (with warnings about what was dropped) or rejected.</summary>
public sealed record ValidatedDraft(TitleDraft? Draft, string? RejectReason, IReadOnlyList<string> Warnings);

/// <summary>
/// The rules every source's drafts go through before they reach the store (the importer applies them
/// to every record; sources may call the pieces they need for their own repairs). Identity problems
/// (id, name) and impossible dates reject the record; a bad optional value (runtime, rating aggregate,
/// IMDb id, a trailer) is dropped with a warning so the rest of the title still imports.
/// </summary>
public static partial class TitleValidation
{
    public const int EarliestReleaseYear = Title.EarliestReleaseYear;
    public const int MaxRuntimeMinutes = 2000;
    public const int MaxNameLength = Title.MaxNameLength;
    public const int MaxTrailerIdLength = 64;

    /// <summary>Release dates more than this many years after now cannot be right (typos, 2-digit years).</summary>
    public const int PlausibleFutureYears = 2;

    public static DateOnly LatestPlausibleRelease(DateTime now) =>
        DateOnly.FromDateTime(now).AddYears(PlausibleFutureYears);

    /// <summary>Null when the release is plausible at <paramref name="now"/>, else why not.</summary>
    public static string? ReleaseProblem(DateOnly release, DateTime now) =>
        release.Year < EarliestReleaseYear ? $"release year {release.Year} is before {EarliestReleaseYear}"
        : release > LatestPlausibleRelease(now) ? $"release date {release:yyyy-MM-dd} is implausibly far in the future (more than {PlausibleFutureYears} years after {now:yyyy-MM-dd})"
        : null;

    /// <summary>Null when the availability window is valid.</summary>
    public static string? AvailabilityProblem(DateTime addedAt, DateTime? availableUntil) =>
        availableUntil is { } until && until <= addedAt
            ? $"availableUntil {until:yyyy-MM-ddTHH:mm:ssZ} is not after addedAt {addedAt:yyyy-MM-ddTHH:mm:ssZ}"
            : null;

    /// <summary>Normalises the draft's title in place (trims, de-duplicates lists, UTC instants) and checks it.</summary>
    public static ValidatedDraft Validate(TitleDraft draft, DateTime now, TrailerUrlPolicy trailerPolicy)
    {
        var title = draft.Title;
        var warnings = new List<string>();
        title.Id = title.Id?.Trim() ?? "";
        if (!TitleIds.IsValid(title.Id))
            return Rejected($"id '{title.Id}' is not URL-safe (letters, digits, '-', '_', '.'; at most {TitleIds.MaxLength} characters)");
        title.Name = title.Name?.Trim() ?? "";
        if (title.Name.Length == 0)
            return Rejected("name is empty");
        if (title.Name.Length > MaxNameLength)
            return Rejected($"name is longer than {MaxNameLength} characters");

        if (title.ReleaseDate is { } date)
        {
            if (title.ReleaseYear is { } year && year != date.Year)
                return Rejected($"release year {year} contradicts release date {date:yyyy-MM-dd}");
            title.ReleaseYear = date.Year;
        }

        if (title.EffectiveReleaseDate is { } release && ReleaseProblem(release, now) is { } releaseProblem)
            return Rejected(releaseProblem);

        NormaliseText(title);
        title.AddedAt = AsUtc(title.AddedAt);
        title.AvailableUntil = title.AvailableUntil is { } until ? AsUtc(until) : null;
        if (draft.Fields.Contains(nameof(Title.AddedAt)) && AvailabilityProblem(title.AddedAt, title.AvailableUntil) is { } availability)
            return Rejected(availability);

        if (title.RuntimeMinutes is { } runtime and (< 1 or > MaxRuntimeMinutes))
        {
            warnings.Add($"runtime {runtime} minutes is outside 1..{MaxRuntimeMinutes}; dropped");
            title.RuntimeMinutes = null;
        }

        if (RatingProblem(title.RatingSum, title.RatingCount) is { } ratingProblem)
        {
            warnings.Add($"{ratingProblem}; rating dropped");
            (title.RatingSum, title.RatingCount) = (0, 0);
        }

        title.RatingSum = Math.Round(title.RatingSum, 6);
        if (title.ImdbId is { } imdb && !ImdbIdPattern().IsMatch(imdb))
        {
            warnings.Add($"IMDb id '{imdb}' is not of the form tt1234567; dropped");
            title.ImdbId = null;
        }

        title.Trailers = ValidTrailers(title, trailerPolicy, warnings);
        return new ValidatedDraft(draft, null, warnings);

        ValidatedDraft Rejected(string reason) => new(null, reason, warnings);
    }

    private static string? RatingProblem(double sum, int count) =>
        !double.IsFinite(sum) || sum < 0 || count < 0 ? $"rating sum {sum} / count {count} is negative or not a number"
        : count == 0 && sum != 0 ? $"rating sum {sum} without votes"
        : count > 0 && (sum / count < 0.999 || sum / count > 10.001) ? $"rating mean {sum / count:0.###} is outside 1..10"
        : null;

    private static List<Trailer> ValidTrailers(Title title, TrailerUrlPolicy policy, List<string> warnings)
    {
        var valid = new List<Trailer>(title.Trailers.Count);
        foreach (var trailer in title.Trailers)
        {
            if (policy.Check(trailer.Url, out var refused) is not { } link)
            {
                warnings.Add($"trailer '{trailer.Url}' dropped. {refused}");
                continue;
            }

            trailer.Id = string.IsNullOrWhiteSpace(trailer.Id) ? DerivedTrailerId(title.Id, link.Url) : trailer.Id.Trim();
            if (!TitleIds.IsValid(trailer.Id) || trailer.Id.Length > MaxTrailerIdLength || valid.Any(t => t.Id == trailer.Id))
            {
                warnings.Add($"trailer id '{trailer.Id}' is invalid or repeated; trailer dropped");
                continue;
            }

            // The player URL is derived from the link where the site has one; a given one must pass the same policy.
            var givenEmbed = string.IsNullOrWhiteSpace(trailer.EmbedUrl) ? null : policy.Check(trailer.EmbedUrl, out _)?.Url;
            (trailer.TitleId, trailer.Url, trailer.Site, trailer.EmbedUrl) = (title.Id, link.Url, link.Site, link.EmbedUrl ?? givenEmbed);
            trailer.Language = Optional(trailer.Language)?.ToLowerInvariant();
            valid.Add(trailer);
        }

        return valid;
    }

    /// <summary>A stable id for trailers given without one: same title and URL, same id.</summary>
    private static string DerivedTrailerId(string titleId, string url) =>
        "tr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(titleId + "\n" + url)), 0, 12);

    private static void NormaliseText(Title title)
    {
        title.OriginalName = Optional(title.OriginalName);
        title.Synopsis = Optional(title.Synopsis);
        title.ContentRating = Optional(title.ContentRating);
        title.ImdbId = Optional(title.ImdbId);
        title.TmdbId = Optional(title.TmdbId);
        title.AlternateNames = Distinct(title.AlternateNames);
        title.Languages = Distinct(title.Languages);
        title.Countries = Distinct(title.Countries);
        title.Genres = Distinct(title.Genres);
        title.Tags = Distinct(title.Tags);
        title.Directors = Distinct(title.Directors);
        title.Cast = Distinct(title.Cast);
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Trimmed, without blanks or case-insensitive repeats, first spelling and order kept.</summary>
    private static List<string> Distinct(List<string>? values) =>
        values is null ? [] : values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    [GeneratedRegex("^tt[0-9]{7,10}$")]
    private static partial Regex ImdbIdPattern();
}
