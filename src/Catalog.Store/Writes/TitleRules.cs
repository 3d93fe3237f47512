using Catalog.Core.Titles;

namespace Catalog.Store.Writes;

/// <summary>Validation and application of a <see cref="TitleEdit"/> to a title row.</summary>
internal static class TitleRules
{
    public const int MaxNameLength = Title.MaxNameLength;
    public const int MaxSynopsisLength = 20_000;
    public const int MaxListItems = 500;
    public const int MaxListItemLength = 300;
    public const int FirstYear = Title.EarliestReleaseYear;

    /// <summary>How far ahead a release or availability date may be scheduled.</summary>
    public const int MaxYearsAhead = 20;

    public static void Apply(Title title, TitleEdit edit, DateTime now)
    {
        var latestYear = now.Year + MaxYearsAhead;
        bool Clears(string field) => edit.Cleared.Contains(field);

        if (edit.Kind is { } kind)
            title.Kind = Enum.IsDefined(kind) ? kind : throw WriteRejectedException.Invalid("kind is not a known title kind.");
        if (edit.Name is not null)
            title.Name = TextRules.Clean(edit.Name, "name", MaxNameLength);
        title.OriginalName = Optional(edit.OriginalName, Clears(nameof(TitleEdit.OriginalName)), title.OriginalName, "originalName", MaxNameLength);
        title.Synopsis = Optional(edit.Synopsis, Clears(nameof(TitleEdit.Synopsis)), title.Synopsis, "synopsis", MaxSynopsisLength, multiline: true);
        title.ContentRating = Optional(edit.ContentRating, Clears(nameof(TitleEdit.ContentRating)), title.ContentRating, "contentRating", 32);

        ApplyRelease(title, edit, latestYear);

        if (edit.AddedAt is { } addedAt)
            title.AddedAt = InRange(addedAt, "addedAt", latestYear);
        if (edit.AvailableUntil is { } until)
            title.AvailableUntil = InRange(until, "availableUntil", latestYear);
        else if (Clears(nameof(TitleEdit.AvailableUntil)))
            title.AvailableUntil = null;
        if (title.AvailableUntil <= title.AddedAt)
            throw WriteRejectedException.Invalid("availableUntil must be later than addedAt.");

        if (edit.RuntimeMinutes is { } runtime)
            title.RuntimeMinutes = runtime is > 0 and <= 10_000 ? runtime : throw WriteRejectedException.Invalid($"runtimeMinutes must be from 1 to 10000 (got {runtime}).");
        else if (Clears(nameof(TitleEdit.RuntimeMinutes)))
            title.RuntimeMinutes = null;

        title.ImdbId = Identifier(edit.ImdbId, Clears(nameof(TitleEdit.ImdbId)), title.ImdbId, "imdbId", ExternalIds.IsImdbId, "tt followed by 7 to 10 digits");
        title.TmdbId = Identifier(edit.TmdbId, Clears(nameof(TitleEdit.TmdbId)), title.TmdbId, "tmdbId", ExternalIds.IsTmdbId, "1 to 16 digits");

        title.AlternateNames = List(edit.AlternateNames, title.AlternateNames, "alternateNames");
        title.Languages = List(edit.Languages, title.Languages, "languages");
        title.Countries = List(edit.Countries, title.Countries, "countries");
        title.Genres = List(edit.Genres, title.Genres, "genres");
        title.Directors = List(edit.Directors, title.Directors, "directors");
        title.Cast = List(edit.Cast, title.Cast, "cast");
        if (edit.Tags is not null)
            title.Tags = TagRules.Normalize(edit.Tags);
    }

    private static void ApplyRelease(Title title, TitleEdit edit, int latestYear)
    {
        if (edit.ReleaseDate is { } date)
        {
            if (date.Year < FirstYear || date.Year > latestYear)
                throw WriteRejectedException.Invalid($"releaseDate must fall between {FirstYear} and {latestYear}.");
            if (edit.Year is { } year && year != date.Year)
                throw WriteRejectedException.Invalid($"year {year} contradicts releaseDate {date:yyyy-MM-dd}.");
            (title.ReleaseDate, title.ReleaseYear) = (date, date.Year);
        }
        else if (edit.Year is { } year)
        {
            if (year < FirstYear || year > latestYear)
                throw WriteRejectedException.Invalid($"year must be from {FirstYear} to {latestYear} (got {year}).");
            if (title.ReleaseDate?.Year != year || edit.Cleared.Contains(nameof(TitleEdit.ReleaseDate)))
                title.ReleaseDate = null;
            title.ReleaseYear = year;
        }
        else if (edit.Cleared.Contains(nameof(TitleEdit.ReleaseDate)))
        {
            title.ReleaseDate = null;
            if (edit.Cleared.Contains(nameof(TitleEdit.Year)))
                title.ReleaseYear = null;
        }
        else if (edit.Cleared.Contains(nameof(TitleEdit.Year)))
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
