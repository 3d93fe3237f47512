using Catalog.Core.Titles;
using Catalog.Core.Titles.Rules;

namespace Catalog.Store.Writes;

/// <summary>
/// Puts a <see cref="TitleEdit"/> onto a title row and checks the fields it sets with the shared
/// <see cref="TitleRules"/> in strict mode (any broken rule refuses the edit).
/// </summary>
internal static class TitleEditMapping
{
    /// <summary>Applies the edit; on refusal throws with the rule's reason and the row may be half written.</summary>
    public static void Apply(Title title, TitleEdit edit, DateTime now, TitleRules rules)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        // Sent, or sent as null (cleared): either way the rules check the field.
        bool Sets(bool sent, string property) => (sent || edit.Cleared.Contains(property)) && fields.Add(property);

        if (Sets(edit.Kind is not null, nameof(Title.Kind)))
            title.Kind = edit.Kind ?? title.Kind;
        if (Sets(edit.Name is not null, nameof(Title.Name)))
            title.Name = edit.Name ?? "";
        if (Sets(edit.OriginalName is not null, nameof(Title.OriginalName)))
            title.OriginalName = edit.OriginalName;
        if (Sets(edit.Synopsis is not null, nameof(Title.Synopsis)))
            title.Synopsis = edit.Synopsis;
        if (Sets(edit.ContentRating is not null, nameof(Title.ContentRating)))
            title.ContentRating = edit.ContentRating;
        ApplyRelease(title, edit, fields);
        if (Sets(edit.AddedAt is not null, nameof(Title.AddedAt)))
            title.AddedAt = edit.AddedAt ?? title.AddedAt;
        if (Sets(edit.AvailableUntil is not null, nameof(Title.AvailableUntil)))
            title.AvailableUntil = edit.AvailableUntil;
        if (Sets(edit.RuntimeMinutes is not null, nameof(Title.RuntimeMinutes)))
            title.RuntimeMinutes = edit.RuntimeMinutes;
        if (Sets(edit.ImdbId is not null, nameof(Title.ImdbId)))
            title.ImdbId = edit.ImdbId;
        if (Sets(edit.TmdbId is not null, nameof(Title.TmdbId)))
            title.TmdbId = edit.TmdbId;
        title.AlternateNames = List(edit.AlternateNames, nameof(Title.AlternateNames), title.AlternateNames, fields);
        title.Languages = List(edit.Languages, nameof(Title.Languages), title.Languages, fields);
        title.Countries = List(edit.Countries, nameof(Title.Countries), title.Countries, fields);
        title.Genres = List(edit.Genres, nameof(Title.Genres), title.Genres, fields);
        title.Directors = List(edit.Directors, nameof(Title.Directors), title.Directors, fields);
        title.Cast = List(edit.Cast, nameof(Title.Cast), title.Cast, fields);
        title.Tags = List(edit.Tags, nameof(Title.Tags), title.Tags, fields);

        if (rules.Check(title, fields, now, RuleMode.Strict).Refusal is { } refusal)
            throw WriteRejectedException.Invalid(refusal + ".");
    }

    /// <summary>A release date sets the year too; a year alone keeps a stored date of that year unless the date is cleared.</summary>
    private static void ApplyRelease(Title title, TitleEdit edit, HashSet<string> fields)
    {
        var clearsDate = edit.Cleared.Contains(nameof(TitleEdit.ReleaseDate));
        var clearsYear = edit.Cleared.Contains(nameof(TitleEdit.Year));
        if (edit.ReleaseDate is { } date)
            (title.ReleaseDate, title.ReleaseYear) = (date, edit.Year ?? date.Year);
        else if (edit.Year is { } year)
            (title.ReleaseDate, title.ReleaseYear) = (title.ReleaseDate?.Year == year && !clearsDate ? title.ReleaseDate : null, year);
        else if (clearsDate)
            (title.ReleaseDate, title.ReleaseYear) = (null, clearsYear ? null : title.ReleaseYear);
        else if (clearsYear)
            (title.ReleaseDate, title.ReleaseYear) = (null, null);
        else
            return;
        fields.UnionWith([nameof(Title.ReleaseDate), nameof(Title.ReleaseYear)]);
    }

    private static List<string> List(IReadOnlyList<string>? values, string property, List<string> current, HashSet<string> fields)
    {
        if (values is null)
            return current;
        fields.Add(property);
        return [.. values];
    }
}
