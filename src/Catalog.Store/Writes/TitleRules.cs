using Catalog.Core.Titles;

namespace Catalog.Store.Writes;

/// <summary>Validation and application of a <see cref="TitleDraft"/> to a title row.</summary>
internal static class TitleRules
{
    public const int MaxNameLength = Title.MaxNameLength;
    public const int MaxSynopsisLength = 20_000;
    public const int MaxListItems = 500;
    public const int MaxListItemLength = 300;
    public const int FirstYear = Title.EarliestReleaseYear;

    /// <summary>How far ahead a release or availability date may be scheduled.</summary>
    public const int MaxYearsAhead = 20;

    public static void Apply(Title title, TitleDraft draft, DateTime now)
    {
        var latestYear = now.Year + MaxYearsAhead;
        bool Clears(string field) => draft.Cleared.Contains(field);

        if (draft.Kind is { } kind)
            title.Kind = Enum.IsDefined(kind) ? kind : throw WriteRejectedException.Invalid("kind is not a known title kind.");
        if (draft.Name is not null)
            title.Name = TextRules.Clean(draft.Name, "name", MaxNameLength);
        title.OriginalName = Optional(draft.OriginalName, Clears(nameof(TitleDraft.OriginalName)), title.OriginalName, "originalName", MaxNameLength);
        title.Synopsis = Optional(draft.Synopsis, Clears(nameof(TitleDraft.Synopsis)), title.Synopsis, "synopsis", MaxSynopsisLength, multiline: true);
        title.ContentRating = Optional(draft.ContentRating, Clears(nameof(TitleDraft.ContentRating)), title.ContentRating, "contentRating", 32);

        ApplyRelease(title, draft, latestYear);

        if (draft.AddedAt is { } addedAt)
            title.AddedAt = InRange(addedAt, "addedAt", latestYear);
        if (draft.AvailableUntil is { } until)
            title.AvailableUntil = InRange(until, "availableUntil", latestYear);
        else if (Clears(nameof(TitleDraft.AvailableUntil)))
            title.AvailableUntil = null;
        if (title.AvailableUntil <= title.AddedAt)
            throw WriteRejectedException.Invalid("availableUntil must be later than addedAt.");

        if (draft.RuntimeMinutes is { } runtime)
            title.RuntimeMinutes = runtime is > 0 and <= 10_000 ? runtime : throw WriteRejectedException.Invalid($"runtimeMinutes must be from 1 to 10000 (got {runtime}).");
        else if (Clears(nameof(TitleDraft.RuntimeMinutes)))
            title.RuntimeMinutes = null;

        title.ImdbId = Identifier(draft.ImdbId, Clears(nameof(TitleDraft.ImdbId)), title.ImdbId, "imdbId", ExternalIds.IsImdbId, "tt followed by 7 to 10 digits");
        title.TmdbId = Identifier(draft.TmdbId, Clears(nameof(TitleDraft.TmdbId)), title.TmdbId, "tmdbId", ExternalIds.IsTmdbId, "1 to 16 digits");

        title.AlternateNames = List(draft.AlternateNames, title.AlternateNames, "alternateNames");
        title.Languages = List(draft.Languages, title.Languages, "languages");
        title.Countries = List(draft.Countries, title.Countries, "countries");
        title.Genres = List(draft.Genres, title.Genres, "genres");
        title.Directors = List(draft.Directors, title.Directors, "directors");
        title.Cast = List(draft.Cast, title.Cast, "cast");
        if (draft.Tags is not null)
            title.Tags = TagRules.Normalize(draft.Tags);
    }

    private static void ApplyRelease(Title title, TitleDraft draft, int latestYear)
    {
        if (draft.ReleaseDate is { } date)
        {
            if (date.Year < FirstYear || date.Year > latestYear)
                throw WriteRejectedException.Invalid($"releaseDate must fall between {FirstYear} and {latestYear}.");
            if (draft.Year is { } year && year != date.Year)
                throw WriteRejectedException.Invalid($"year {year} contradicts releaseDate {date:yyyy-MM-dd}.");
            (title.ReleaseDate, title.ReleaseYear) = (date, date.Year);
        }
        else if (draft.Year is { } year)
        {
            if (year < FirstYear || year > latestYear)
                throw WriteRejectedException.Invalid($"year must be from {FirstYear} to {latestYear} (got {year}).");
            if (title.ReleaseDate?.Year != year || draft.Cleared.Contains(nameof(TitleDraft.ReleaseDate)))
                title.ReleaseDate = null;
            title.ReleaseYear = year;
        }
        else if (draft.Cleared.Contains(nameof(TitleDraft.ReleaseDate)))
        {
            title.ReleaseDate = null;
            if (draft.Cleared.Contains(nameof(TitleDraft.Year)))
                title.ReleaseYear = null;
        }
        else if (draft.Cleared.Contains(nameof(TitleDraft.Year)))
        {
            (title.ReleaseDate, title.ReleaseYear) = (null, null);
        }
    }

    private static DateTime InRange(DateTime instant, string field, int latestYear)
    {
        var utc = instant.Kind == DateTimeKind.Utc ? instant : instant.ToUniversalTime();
        return utc.Year >= 1900 && utc.Year <= latestYear
            ? utc
            : throw WriteRejectedException.Invalid($"{field} must fall between 1900 and {latestYear}.");
    }

    private static string? Optional(string? value, bool cleared, string? current, string field, int maxLength, bool multiline = false)
    {
        if (value is not null)
            return TextRules.Clean(value, field, maxLength, multiline, allowEmpty: true) is { Length: > 0 } text ? text : null;
        return cleared ? null : current;
    }

    private static string? Identifier(string? value, bool cleared, string? current, string field, Func<string, bool> isValid, string expected)
    {
        if (value is null)
            return cleared ? null : current;
        var text = value.Trim();
        if (text.Length == 0)
            return null;
        return isValid(text) ? text : throw WriteRejectedException.Invalid($"{field} '{text}' is not valid: expected {expected}.");
    }

    /// <summary>Trimmed, blank entries dropped, duplicates (ignoring case) removed, first spelling kept.</summary>
    private static List<string> List(IReadOnlyList<string>? values, List<string> current, string field)
    {
        if (values is null)
            return current;
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var item = TextRules.Clean(value, $"an entry of {field}", MaxListItemLength, allowEmpty: true);
            if (item.Length > 0 && seen.Add(item))
                result.Add(item);
        }

        return result.Count <= MaxListItems ? result : throw WriteRejectedException.Invalid($"{field} has more than {MaxListItems} entries.");
    }
}
