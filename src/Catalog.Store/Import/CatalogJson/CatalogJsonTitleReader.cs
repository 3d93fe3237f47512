using System.Text.Json;
using Catalog.Core.Titles;

namespace Catalog.Store.Import.CatalogJson;

/// <summary>
/// Maps one element of a catalog-json "titles" array to a draft. A property that is present sets its
/// field (null or [] clears it); an absent property leaves the stored value alone. A value of the wrong
/// type rejects the record with the property's name; unknown properties are ignored with a warning.
/// </summary>
internal static class CatalogJsonTitleReader
{
    public static SourceRecord Read(JsonArrayElement element)
    {
        var json = element.Value;
        if (json.ValueKind != JsonValueKind.Object)
            return new SourceRecord { Record = element.Index, Position = element.Position, RejectReason = $"a title must be a JSON object, not {json.ValueKind}" };
        var id = StringOrNull(json, "id");
        var name = StringOrNull(json, "name");
        try
        {
            var (draft, warnings) = Map(json);
            return new SourceRecord { Record = element.Index, Position = element.Position, Id = id, Name = name, Draft = draft, Warnings = warnings };
        }
        catch (FieldException e)
        {
            return new SourceRecord { Record = element.Index, Position = element.Position, Id = id, Name = name, RejectReason = e.Message };
        }
    }

    private static (TitleDraft Draft, List<string> Warnings) Map(JsonElement json)
    {
        var title = new Title { Id = RequiredString(json, "id"), Name = RequiredString(json, "name") };
        var fields = new HashSet<string>(StringComparer.Ordinal) { nameof(Title.Name) };
        var warnings = new List<string>();
        foreach (var property in json.EnumerateObject())
        {
            var value = property.Value;
            var known = property.Name switch
            {
                "id" or "name" => Array.Empty<string>(),
                "kind" => Set(nameof(Title.Kind), () => title.Kind = ParseEnum<TitleKind>(value, property.Name)),
                "originalName" => Set(nameof(Title.OriginalName), () => title.OriginalName = OptionalString(value, property.Name)),
                "alternateNames" => Set(nameof(Title.AlternateNames), () => title.AlternateNames = Strings(value, property.Name)),
                "synopsis" => Set(nameof(Title.Synopsis), () => title.Synopsis = OptionalString(value, property.Name)),
                "releaseDate" => SetMany([nameof(Title.ReleaseDate), nameof(Title.ReleaseYear)], () => (title.ReleaseDate, title.ReleaseYear) = Release(value)),
                "addedAt" => Set(nameof(Title.AddedAt), () => title.AddedAt = Instant(value, property.Name) ?? throw new FieldException("'addedAt' must be an ISO 8601 instant, not null")),
                "availableUntil" => Set(nameof(Title.AvailableUntil), () => title.AvailableUntil = Instant(value, property.Name)),
                "runtimeMinutes" => Set(nameof(Title.RuntimeMinutes), () => title.RuntimeMinutes = OptionalInt(value, property.Name)),
                "contentRating" => Set(nameof(Title.ContentRating), () => title.ContentRating = OptionalString(value, property.Name)),
                "languages" => Set(nameof(Title.Languages), () => title.Languages = Strings(value, property.Name)),
                "countries" => Set(nameof(Title.Countries), () => title.Countries = Strings(value, property.Name)),
                "genres" => Set(nameof(Title.Genres), () => title.Genres = Strings(value, property.Name)),
                "tags" => Set(nameof(Title.Tags), () => title.Tags = Strings(value, property.Name)),
                "directors" => Set(nameof(Title.Directors), () => title.Directors = Strings(value, property.Name)),
                "cast" => Set(nameof(Title.Cast), () => title.Cast = Strings(value, property.Name)),
                "imdbId" => Set(nameof(Title.ImdbId), () => title.ImdbId = OptionalString(value, property.Name)),
                "tmdbId" => Set(nameof(Title.TmdbId), () => title.TmdbId = OptionalString(value, property.Name)),
                "rating" => SetMany([nameof(Title.RatingSum), nameof(Title.RatingCount)], () => (title.RatingSum, title.RatingCount) = Rating(value)),
                "trailers" => Set(nameof(Title.Trailers), () => title.Trailers = Trailers(value, title.Id)),
                _ => null,
            };
            if (known is null)
                warnings.Add($"unknown property '{property.Name}' ignored");
        }

        return (new TitleDraft(title, fields), warnings);

        string[] SetMany(string[] names, Action read)
        {
            read();
            fields.UnionWith(names);
            return names;
        }

        string[] Set(string name, Action read) => SetMany([name], read);
    }

    private static (DateOnly?, int?) Release(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return (null, null);
        if (value.ValueKind != JsonValueKind.String || !CatalogJsonFormat.TryParseRelease(value.GetString()!, out var date, out var year))
            throw new FieldException("'releaseDate' must be \"YYYY-MM-DD\", \"YYYY\" or null");
        return (date, year);
    }

    private static (double, int) Rating(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return (0, 0);
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("sum", out var sum) || sum.ValueKind != JsonValueKind.Number
            || !value.TryGetProperty("count", out var count) || !count.TryGetInt32(out var votes))
            throw new FieldException("'rating' must be {\"sum\": number, \"count\": integer} or null");
        return (sum.GetDouble(), votes);
    }

    private static List<Trailer> Trailers(JsonElement value, string titleId)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw new FieldException("'trailers' must be an array of trailer objects");
        return value.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Object
            ? new Trailer
            {
                Id = OptionalString(Property(t, "id"), "trailers[].id") ?? "",
                TitleId = titleId,
                Url = RequiredString(t, "url", "trailers[].url"),
                EmbedUrl = OptionalString(Property(t, "embedUrl"), "trailers[].embedUrl"),
                Site = Property(t, "site") is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } site ? ParseEnum<TrailerSite>(site, "trailers[].site") : TrailerSite.Other,
                Kind = Property(t, "kind") is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } kind ? ParseEnum<TrailerKind>(kind, "trailers[].kind") : TrailerKind.Trailer,
                Language = OptionalString(Property(t, "language"), "trailers[].language"),
            }
            : throw new FieldException("'trailers' must be an array of trailer objects")).ToList();
    }

    private static JsonElement Property(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value : default;

    private static TEnum ParseEnum<TEnum>(JsonElement value, string name)
        where TEnum : struct, Enum =>
        value.ValueKind == JsonValueKind.String && CatalogJsonFormat.TryParseEnum<TEnum>(value.GetString()!, out var parsed)
            ? parsed
            : throw new FieldException($"'{name}' must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(CatalogJsonFormat.EnumText))}");

    private static DateTime? Instant(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when CatalogJsonFormat.TryParseInstant(value.GetString()!, out var utc) => utc,
        _ => throw new FieldException($"'{name}' must be an ISO 8601 instant with Z or an offset (e.g. 2010-09-30T12:00:00Z)"),
    };

    private static int? OptionalInt(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        _ => throw new FieldException($"'{name}' must be an integer or null"),
    };

    private static List<string> Strings(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
            : throw new FieldException($"'{name}' must be an array of strings");

    private static string? OptionalString(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw new FieldException($"'{name}' must be a string or null"),
    };

    private static string RequiredString(JsonElement json, string property, string? label = null) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FieldException($"'{label ?? property}' is required and must be a string");

    private static string? StringOrNull(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;

    private sealed class FieldException(string message) : Exception(message);
}
