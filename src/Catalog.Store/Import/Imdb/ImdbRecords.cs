using System.Globalization;
using Catalog.Core.Titles;

namespace Catalog.Store.Import.Imdb;

/// <summary>One title.basics.tsv row (already split on tabs) and its rating, as a record.</summary>
internal static class ImdbRecords
{
    public const int Columns = 9;
    public const string AdultTag = "adult";
    private const string Documentary = "Documentary";

    /// <summary>
    /// The row's key; or the reason the row is broken (rejected); or the reason it is, by design, not a
    /// catalog title (skipped: IMDb's files are mostly episodes, which would swamp the summary if each
    /// were reported).
    /// </summary>
    public static (long Key, TitleKind Kind, string? RejectReason, string? SkipReason) Identify(string[] fields)
    {
        if (fields.Length != Columns)
            return (0, default, $"expected {Columns} tab-separated columns, found {fields.Length}", null);
        if (!ImdbFiles.TryParseKey(fields[0], out var key))
            return (0, default, $"tconst '{fields[0]}' is not an IMDb id (tt followed by digits)", null);
        if (ImdbTitleTypes.KindOf(fields[1]) is not { } kind)
            return (0, default, null, $"titleType '{fields[1]}' is not imported (episodes, pilots and video games are not catalog titles)");
        return (key, kind, null, null);
    }

    /// <summary>
    /// Fields lists Name, Kind and ImdbId plus every property the row has a value for: <c>\N</c> is
    /// "unknown", which never erases a value stored from another source.
    /// </summary>
    public static SourceRecord Build(int line, string[] fields, TitleKind kind, ImdbRating? rating, string ratingsFile)
    {
        var (tconst, name) = (fields[0], fields[2]);
        if (Value(name) is null)
            return new SourceRecord { Record = line, Id = tconst, RejectReason = "primaryTitle is empty" };

        var warnings = new List<string>();
        var genres = Value(fields[8])?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        var title = new Title
        {
            Id = tconst,
            ImdbId = tconst,
            Name = name,
            OriginalName = Value(fields[3]) is { } original && original != name ? original : null,
            Kind = kind == TitleKind.Movie && genres.Contains(Documentary) ? TitleKind.Documentary : kind,
            ReleaseYear = Number(fields[5], "startYear", warnings),
            RuntimeMinutes = Number(fields[7], "runtimeMinutes", warnings),
            Genres = genres,
            Tags = IsAdult(fields[4], warnings) ? [AdultTag] : [],
        };

        if (rating is { Problem: { } problem })
            warnings.Add($"{ratingsFile} line {rating.Value.Line}: {problem}; rating ignored");
        else if (rating is { } usable)
            (title.RatingSum, title.RatingCount) = (usable.Sum, usable.Count);

        HashSet<string> provided = [nameof(Title.Name), nameof(Title.Kind), nameof(Title.ImdbId)];
        AddIf(title.OriginalName is not null, nameof(Title.OriginalName));
        AddIf(title.ReleaseYear is not null, nameof(Title.ReleaseYear));
        AddIf(title.RuntimeMinutes is not null, nameof(Title.RuntimeMinutes));
        AddIf(title.Genres.Count > 0, nameof(Title.Genres));
        AddIf(title.Tags.Count > 0, nameof(Title.Tags));
        AddIf(title.RatingCount > 0, nameof(Title.RatingSum), nameof(Title.RatingCount));
        return new SourceRecord
        {
            Record = line, Id = tconst, Name = name, Draft = new TitleDraft(title, provided), Warnings = warnings,
        };

        void AddIf(bool present, params string[] names)
        {
            if (present)
                provided.UnionWith(names);
        }
    }

    private static string? Value(string field) =>
        field == ImdbFiles.Null || string.IsNullOrWhiteSpace(field) ? null : field.Trim();

    private static int? Number(string field, string column, List<string> warnings)
    {
        if (Value(field) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        warnings.Add($"{column} '{text}' is not a whole number; ignored");
        return null;
    }

    private static bool IsAdult(string field, List<string> warnings)
    {
        if (field is "0" or "1")
            return field == "1";
        warnings.Add($"isAdult '{field}' is not 0 or 1; taken as 0");
        return false;
    }
}
