using System.Security.Cryptography;
using System.Text;
using Catalog.Core.Trailers;

namespace Catalog.Core.Titles.Rules;

/// <summary>
/// The one set of rules a title's values obey, whoever writes them: imports check in
/// <see cref="RuleMode.Lenient"/> mode, curator edits in <see cref="RuleMode.Strict"/>. Identity problems
/// (id, name, kind) and impossible dates refuse the write in both modes; a bad optional value is dropped
/// with a warning on import and refuses the edit. Values are normalised in place: trimmed, blank → null,
/// lists without blanks or case-insensitive repeats, tags per <see cref="TagRules"/>, instants UTC.
/// </summary>
public sealed class TitleRules(TitleRulesOptions options, TrailerUrlPolicy trailerPolicy)
{
    public const int EarliestReleaseYear = Title.EarliestReleaseYear;
    public const int EarliestInstantYear = 1900;
    public const int MaxNameLength = Title.MaxNameLength;
    public const int MaxSynopsisLength = 20_000;
    public const int MaxContentRatingLength = 32;
    public const int MaxListItems = 500;
    public const int MaxListItemLength = 300;

    /// <summary>33 hours: above it a runtime is almost always seconds or a typo, not minutes.</summary>
    public const int MaxRuntimeMinutes = 2000;

    public const int MaxTrailerIdLength = 64;

    /// <summary>The rules with default options and trailer policy.</summary>
    public TitleRules()
        : this(new TitleRulesOptions(), new TrailerUrlPolicy(new TrailerOptions()))
    {
    }

    /// <summary>The latest release date, added date or availability end accepted at <paramref name="now"/>.</summary>
    public DateOnly LatestDate(DateTime now) => DateOnly.FromDateTime(now).AddYears(options.MaxYearsAhead);

    /// <summary>Null when <paramref name="id"/> can be a title id.</summary>
    public static string? IdProblem(string id) => TitleIds.IsValid(id)
        ? null
        : $"id '{id}' is not URL-safe (letters, digits, '-', '_', '.'; at most {TitleIds.MaxLength} characters)";

    /// <summary>Null when the availability window is valid.</summary>
    public static string? AvailabilityProblem(DateTime addedAt, DateTime? availableUntil) =>
        availableUntil is { } until && until <= addedAt
            ? $"availableUntil {until:yyyy-MM-ddTHH:mm:ssZ} is not after addedAt {addedAt:yyyy-MM-ddTHH:mm:ssZ}"
            : null;

    /// <summary>
    /// Checks and normalises the <paramref name="fields"/> (names of <see cref="Title"/> properties) a write
    /// sets; the id is always checked. On refusal the title may be half normalised: do not store it.
    /// </summary>
    public TitleCheck Check(Title title, IReadOnlySet<string> fields, DateTime now, RuleMode mode)
    {
        var outcome = new RuleOutcome(mode, fields);
        CheckIdentity(title, outcome);
        if (!outcome.Refused)
            CheckDates(title, now, outcome);
        if (outcome.Refused)
            return outcome.Result();

        CheckOptionalValues(title, outcome);
        TitleListRules.Check(title, outcome);
        if (outcome.Covers(nameof(Title.RatingSum)) && RatingProblem(title.RatingSum, title.RatingCount) is { } rating && outcome.Drop(rating, "rating dropped"))
            (title.RatingSum, title.RatingCount) = (0, 0);
        title.RatingSum = Math.Round(title.RatingSum, 6);
        if (outcome.Covers(nameof(Title.Trailers)))
            title.Trailers = ValidTrailers(title, outcome);
        return outcome.Result();
    }

    private static void CheckIdentity(Title title, RuleOutcome outcome)
    {
        title.Id = title.Id?.Trim() ?? "";
        if (IdProblem(title.Id) is { } id)
            outcome.Refuse(id);
        if (outcome.Covers(nameof(Title.Kind)) && !Enum.IsDefined(title.Kind))
            outcome.Refuse($"kind {(int)title.Kind} is not a known title kind");
        if (!outcome.Covers(nameof(Title.Name)))
            return;
        title.Name = title.Name?.Trim() ?? "";
        if (title.Name.Length == 0)
            outcome.Refuse("name is empty");
        else if (TextRules.Problem(title.Name, "name", MaxNameLength) is { } name)
            outcome.Refuse(name);
    }

    private void CheckDates(Title title, DateTime now, RuleOutcome outcome)
    {
        if (outcome.Covers(nameof(Title.ReleaseDate)) && title.ReleaseDate is { } date)
        {
            if (title.ReleaseYear is { } year && year != date.Year)
                outcome.Refuse($"release year {year} contradicts release date {date:yyyy-MM-dd}");
            title.ReleaseYear = date.Year;
        }

        var latest = LatestDate(now);
        if ((outcome.Covers(nameof(Title.ReleaseDate)) || outcome.Covers(nameof(Title.ReleaseYear))) && title.EffectiveReleaseDate is { } release)
        {
            if (release.Year < EarliestReleaseYear)
                outcome.Refuse($"release year {release.Year} is before {EarliestReleaseYear}");
            else if (release > latest)
                outcome.Refuse($"release date {release:yyyy-MM-dd} is more than {options.MaxYearsAhead} years in the future (now {now:yyyy-MM-dd})");
        }

        if (outcome.Covers(nameof(Title.AddedAt)))
            title.AddedAt = Instant(title.AddedAt, "addedAt", latest, outcome);
        if (outcome.Covers(nameof(Title.AvailableUntil)) && title.AvailableUntil is { } until)
            title.AvailableUntil = Instant(until, "availableUntil", latest, outcome);
        if ((outcome.Covers(nameof(Title.AddedAt)) || outcome.Covers(nameof(Title.AvailableUntil)))
            && AvailabilityProblem(title.AddedAt, title.AvailableUntil) is { } availability)
            outcome.Refuse(availability);
    }

    private static DateTime Instant(DateTime value, string field, DateOnly latest, RuleOutcome outcome)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        if (utc.Year < EarliestInstantYear || DateOnly.FromDateTime(utc) > latest)
            outcome.Refuse($"{field} {utc:yyyy-MM-ddTHH:mm:ssZ} is outside {EarliestInstantYear}-01-01..{latest:yyyy-MM-dd}");
        return utc;
    }

    private static void CheckOptionalValues(Title title, RuleOutcome outcome)
    {
        title.OriginalName = OptionalText(title.OriginalName, nameof(Title.OriginalName), "originalName", MaxNameLength, outcome);
        title.Synopsis = OptionalText(title.Synopsis, nameof(Title.Synopsis), "synopsis", MaxSynopsisLength, outcome, multiline: true);
        title.ContentRating = OptionalText(title.ContentRating, nameof(Title.ContentRating), "contentRating", MaxContentRatingLength, outcome);
        if (outcome.Covers(nameof(Title.RuntimeMinutes)) && title.RuntimeMinutes is { } runtime and (< 1 or > MaxRuntimeMinutes)
            && outcome.Drop($"runtime {runtime} minutes is outside 1..{MaxRuntimeMinutes}"))
            title.RuntimeMinutes = null;
        title.ImdbId = Identifier(title.ImdbId, nameof(Title.ImdbId), ExternalIds.IsImdbId, "imdbId '{0}' is not of the form tt1234567", outcome);
        title.TmdbId = Identifier(title.TmdbId, nameof(Title.TmdbId), ExternalIds.IsTmdbId, "tmdbId '{0}' is not 1 to 16 digits", outcome);
    }

    private static string? OptionalText(string? value, string property, string field, int maxLength, RuleOutcome outcome, bool multiline = false)
    {
        if (!outcome.Covers(property))
            return value;
        var text = TextRules.Optional(value);
        return text is not null && TextRules.Problem(text, field, maxLength, multiline) is { } problem && outcome.Drop(problem) ? null : text;
    }

    private static string? Identifier(string? value, string property, Func<string, bool> isValid, string problem, RuleOutcome outcome)
    {
        if (!outcome.Covers(property))
            return value;
        var id = TextRules.Optional(value);
        return id is not null && !isValid(id) && outcome.Drop(string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, id)) ? null : id;
    }

    private static string? RatingProblem(double sum, int count) =>
        !double.IsFinite(sum) || sum < 0 || count < 0 ? $"rating sum {sum} / count {count} is negative or not a number"
        : count == 0 && sum != 0 ? $"rating sum {sum} without votes"
        : count > 0 && (sum / count < 0.999 || sum / count > 10.001) ? $"rating mean {sum / count:0.###} is outside 1..10"
        : null;

    private List<Trailer> ValidTrailers(Title title, RuleOutcome outcome)
    {
        var valid = new List<Trailer>(title.Trailers.Count);
        foreach (var trailer in title.Trailers)
        {
            if (trailerPolicy.Check(trailer.Url, out var refused) is not { } link)
            {
                outcome.Drop($"trailer '{trailer.Url}': {refused}", "trailer dropped");
                continue;
            }

            trailer.Id = string.IsNullOrWhiteSpace(trailer.Id) ? DerivedTrailerId(title.Id, link.Url) : trailer.Id.Trim();
            if (!TitleIds.IsValid(trailer.Id) || trailer.Id.Length > MaxTrailerIdLength || valid.Any(t => t.Id == trailer.Id))
            {
                outcome.Drop($"trailer id '{trailer.Id}' is invalid or repeated", "trailer dropped");
                continue;
            }

            // The player URL is derived from the link where the site has one; a given one must pass the same policy.
            var givenEmbed = string.IsNullOrWhiteSpace(trailer.EmbedUrl) ? null : trailerPolicy.Check(trailer.EmbedUrl, out _)?.Url;
            (trailer.TitleId, trailer.Url, trailer.Site, trailer.EmbedUrl) = (title.Id, link.Url, link.Site, link.EmbedUrl ?? givenEmbed);
            trailer.Language = TextRules.Optional(trailer.Language)?.ToLowerInvariant();
            valid.Add(trailer);
        }

        return valid;
    }

    /// <summary>A stable id for trailers given without one: same title and URL, same id.</summary>
    private static string DerivedTrailerId(string titleId, string url) =>
        "tr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(titleId + "\n" + url)), 0, 12);
}
