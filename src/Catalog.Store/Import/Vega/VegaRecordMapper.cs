using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Core.Titles;

namespace Catalog.Store.Import.Vega;

/// <summary>
/// Maps one movies.json object to a draft, repairing the data set's known errors with a warning each:
/// numeric titles, Mac Roman mojibake, "Name, The" inversions, "(1933)" name suffixes and release dates
/// a century late (two-digit years). Only a missing title rejects the record; a bad optional column is
/// dropped with a warning.
/// </summary>
internal static partial class VegaRecordMapper
{
    /// <summary>The data set was compiled in 2010; it announces releases up to December 2011.</summary>
    public static readonly DateTime CompiledAt = new(2010, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The fields this source provides; added dates and availability are the catalog's own.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Title.Kind), nameof(Title.Name), nameof(Title.ReleaseDate), nameof(Title.ReleaseYear),
        nameof(Title.RuntimeMinutes), nameof(Title.ContentRating), nameof(Title.Genres), nameof(Title.Tags),
        nameof(Title.Directors), nameof(Title.RatingSum), nameof(Title.RatingCount),
    };

    /// <summary>(title, IMDb rating, votes) as written, or null when the movie has no rating.</summary>
    public static string? RatingKey(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object
        && Property(json, "Title") is { ValueKind: JsonValueKind.String or JsonValueKind.Number } title
        && Property(json, "IMDB Votes") is { ValueKind: JsonValueKind.Number } votes
            ? $"{title}\u0001{Property(json, "IMDB Rating")}\u0001{votes}"
            : null;

    public static SourceRecord Map(JsonArrayElement element, IReadOnlySet<string> sharedRatings)
    {
        var json = element.Value;
        var record = new SourceRecord { Record = element.Index, Position = element.Position };
        if (json.ValueKind != JsonValueKind.Object)
            return record with { RejectReason = $"a movie must be a JSON object, not {json.ValueKind}" };
        var warnings = new List<string>();
        var raw = Property(json, "Title");
        if (raw.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || raw.ToString().Trim().Length == 0)
            return record with { RejectReason = "Title is missing", Warnings = warnings };
        var asRead = raw.ToString();
        record = record with { Name = asRead };
        if (raw.ValueKind == JsonValueKind.Number)
            warnings.Add($"Title is the JSON number {asRead}; read as the text \"{asRead}\"");

        var release = ReleaseDate(json, warnings);
        var name = WithoutYearSuffix(WithLeadingArticle(Repaired(asRead.Trim(), "Title", warnings), warnings), release?.Year, warnings);
        var title = new Title { Id = TitleIds.Slug(name, release?.Year), Name = name, ReleaseDate = release, ReleaseYear = release?.Year };
        title.RuntimeMinutes = Integer(json, "Running Time min", warnings);
        title.ContentRating = ContentRating(json, warnings);
        if (Text(json, "Director", warnings) is { } director)
            title.Directors.Add(Repaired(director, "Director", warnings));
        AddGenreAndKind(title, json, warnings);
        AddTags(title, json, warnings);
        (title.RatingSum, title.RatingCount) = sharedRatings.Contains(RatingKey(json) ?? "")
            ? SharedRating(warnings)
            : Rating(json, warnings);
        return record with { Id = title.Id, Draft = new TitleDraft(title, Fields), Warnings = warnings };
    }

    private static DateOnly? ReleaseDate(JsonElement json, List<string> warnings)
    {
        if (Text(json, "Release Date", warnings) is not { } text)
            return null;
        if (!DateOnly.TryParseExact(text, "MMM d yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            warnings.Add($"Release Date '{text}' is not a date like 'Jun 12 1998'; dropped");
            return null;
        }

        // Two-digit years: a date more than two years after compilation is read as a century earlier.
        if (date <= DateOnly.FromDateTime(CompiledAt).AddYears(2))
            return date;
        var century = date.AddYears(-100);
        if (century.Year < Title.EarliestReleaseYear)
        {
            warnings.Add($"Release Date '{text}' is after the data set was compiled (2010) and a century earlier is before {Title.EarliestReleaseYear}; dropped");
            return null;
        }

        warnings.Add($"Release Date '{text}' is after the data set was compiled (2010): a two-digit-year error, read as {century:yyyy-MM-dd}");
        return century;
    }

    private static string Repaired(string text, string column, List<string> warnings)
    {
        if (!MojibakeRepair.TryRepair(text, out var repaired))
            return text;
        warnings.Add($"{column} '{text}' had a broken character encoding (Windows-1252 read as Mac Roman); repaired to '{repaired}'");
        return repaired;
    }

    /// <summary>"Secret, The" → "The Secret": the data set's few library-style inversions.</summary>
    private static string WithLeadingArticle(string name, List<string> warnings)
    {
        var match = TrailingArticle().Match(name);
        if (!match.Success)
            return name;
        var fixedName = $"{match.Groups["article"].Value} {match.Groups["rest"].Value}";
        warnings.Add($"Title '{name}' has its article at the end; read as '{fixedName}'");
        return fixedName;
    }

    /// <summary>"King Kong (1933)" → "King Kong" when the year repeats the release year (the id carries it).</summary>
    private static string WithoutYearSuffix(string name, int? year, List<string> warnings)
    {
        var match = YearSuffix().Match(name);
        if (!match.Success || year is null || match.Groups["year"].Value != year.Value.ToString(CultureInfo.InvariantCulture))
            return name;
        var fixedName = match.Groups["rest"].Value;
        warnings.Add($"Title '{name}' repeats its release year; read as '{fixedName}'");
        return fixedName;
    }

    private static string? ContentRating(JsonElement json, List<string> warnings)
    {
        if (Text(json, "MPAA Rating", warnings) is not { } mpaa)
            return null;
        if (VegaVocabulary.TryContentRating(mpaa, out var rating))
            return rating;
        warnings.Add($"MPAA Rating '{mpaa}' is not a known rating; dropped");
        return null;
    }

    private static void AddGenreAndKind(Title title, JsonElement json, List<string> warnings)
    {
        if (Text(json, "Major Genre", warnings) is not { } genre)
            return;
        if (VegaVocabulary.TryMajorGenre(genre, out var mapped))
        {
            title.Kind = mapped.Kind;
            title.Genres.AddRange(mapped.Genres);
            if (mapped.Tag is not null)
                title.Tags.Add(mapped.Tag);
        }
        else
        {
            title.Genres.Add(genre.Trim());
        }
    }

    private static void AddTags(Title title, JsonElement json, List<string> warnings)
    {
        if (Text(json, "Creative Type", warnings) is { } creativeType && VegaVocabulary.CreativeTypeTag(creativeType) is { } creativeTag)
            title.Tags.Add(creativeTag);
        if (Text(json, "Source", warnings) is { } source && VegaVocabulary.SourceTag(source) is { } sourceTag)
            title.Tags.Add(sourceTag);
        if (Text(json, "Distributor", warnings) is { } distributor)
            title.Tags.Add(VegaVocabulary.DistributorTag(Repaired(distributor, "Distributor", warnings)));
    }

    /// <summary>IMDb's mean (1–10) times its vote count is the imported part of the rating aggregate.</summary>
    private static (double, int) Rating(JsonElement json, List<string> warnings)
    {
        var votes = Integer(json, "IMDB Votes", warnings);
        var rating = Property(json, "IMDB Rating");
        if (votes is not > 0 || rating.ValueKind != JsonValueKind.Number)
        {
            if (votes > 0 || rating.ValueKind == JsonValueKind.Number)
                warnings.Add("IMDB Rating and IMDB Votes come only together; rating dropped");
            return (0, 0);
        }

        return (Math.Round(rating.GetDouble() * votes.Value, 6), votes.Value);
    }

    private static (double, int) SharedRating(List<string> warnings)
    {
        warnings.Add("IMDB Rating and Votes are the same as for a film of the same name released on another date (ratings joined on the title); rating dropped");
        return (0, 0);
    }

    private static int? Integer(JsonElement json, string column, List<string> warnings)
    {
        var value = Property(json, column);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number == Math.Floor(number) && number is >= 0 and <= int.MaxValue)
            return (int)number;
        warnings.Add($"{column} {value.GetRawText()} is not a whole number; dropped");
        return null;
    }

    private static string? Text(JsonElement json, string column, List<string> warnings)
    {
        var value = Property(json, column);
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString()!.Trim().Length > 0:
                return value.GetString()!.Trim();
            case JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String:
                return null;
            default:
                warnings.Add($"{column} {value.GetRawText()} is not text; dropped");
                return null;
        }
    }

    private static JsonElement Property(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value : default;

    [GeneratedRegex("^(?<rest>.+), (?<article>The|A|An)$")]
    private static partial Regex TrailingArticle();

    [GeneratedRegex(@"^(?<rest>.+?) \((?<year>\d{4})\)$")]
    private static partial Regex YearSuffix();
}
