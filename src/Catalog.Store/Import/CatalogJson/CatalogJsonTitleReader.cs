using System.Collections.Concurrent;
using System.Collections.Frozen;
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

    /// <summary>The <see cref="Title"/> properties each known catalog-json property sets.</summary>
    private static readonly Dictionary<string, string[]> FieldsByProperty = new(StringComparer.Ordinal)
    {
        ["id"] = [],
        ["name"] = [],
        ["kind"] = [nameof(Title.Kind)],
        ["originalName"] = [nameof(Title.OriginalName)],
        ["alternateNames"] = [nameof(Title.AlternateNames)],
        ["synopsis"] = [nameof(Title.Synopsis)],
        ["releaseDate"] = [nameof(Title.ReleaseDate), nameof(Title.ReleaseYear)],
        ["addedAt"] = [nameof(Title.AddedAt)],
        ["availableUntil"] = [nameof(Title.AvailableUntil)],
        ["runtimeMinutes"] = [nameof(Title.RuntimeMinutes)],
        ["contentRating"] = [nameof(Title.ContentRating)],
        ["languages"] = [nameof(Title.Languages)],
        ["countries"] = [nameof(Title.Countries)],
        ["genres"] = [nameof(Title.Genres)],
        ["tags"] = [nameof(Title.Tags)],
        ["directors"] = [nameof(Title.Directors)],
        ["cast"] = [nameof(Title.Cast)],
        ["imdbId"] = [nameof(Title.ImdbId)],
        ["tmdbId"] = [nameof(Title.TmdbId)],
        ["rating"] = [nameof(Title.RatingSum), nameof(Title.RatingCount)],
        ["trailers"] = [nameof(Title.Trailers)],
    };

    /// <summary>Each known property's bit in a record's mask of the properties it holds.</summary>
    private static readonly Dictionary<string, int> BitByProperty = FieldsByProperty.Keys.Select((name, bit) => (name, bit)).ToDictionary(p => p.name, p => p.bit, StringComparer.Ordinal);

    /// <summary>
    /// The field set of each mask of properties seen: records of one file hold few distinct sets, and a set per
    /// record was a tenth of the import's allocations. Read-only once published, so readers may share them.
    /// </summary>
    private static readonly ConcurrentDictionary<int, IReadOnlySet<string>> FieldsByMask = new();

    private static (TitleDraft Draft, IReadOnlyList<string> Warnings) Map(JsonElement json)
    {
        var title = new Title { Id = RequiredString(json, "id"), Name = RequiredString(json, "name") };
        var mask = 0;
        List<string>? warnings = null;
        foreach (var property in json.EnumerateObject())
        {
            if (!BitByProperty.TryGetValue(property.Name, out var bit))
            {
                (warnings ??= []).Add($"unknown property '{property.Name}' ignored");
                continue;
            }

            Set(title, property.Name, property.Value);
            mask |= 1 << bit;
        }

        return (new TitleDraft(title, FieldsByMask.GetOrAdd(mask, Fields)), warnings ?? (IReadOnlyList<string>)[]);
    }

    private static IReadOnlySet<string> Fields(int mask) =>
        FieldsByProperty.Where(p => (mask & (1 << BitByProperty[p.Key])) != 0).SelectMany(p => p.Value)
            .Append(nameof(Title.Name)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Sets the field(s) of one known property (a switch, not a delegate per property: this runs for every value of an import).</summary>
    private static void Set(Title title, string property, JsonElement value)
    {
        switch (property)
        {
            case "kind": title.Kind = ParseEnum<TitleKind>(value, property); break;
            case "originalName": title.OriginalName = OptionalString(value, property); break;
            case "alternateNames": title.AlternateNames = Strings(value, property); break;
            case "synopsis": title.Synopsis = OptionalString(value, property); break;
            case "releaseDate": (title.ReleaseDate, title.ReleaseYear) = Release(value); break;
            case "addedAt": title.AddedAt = Instant(value, property) ?? throw new FieldException("'addedAt' must be an ISO 8601 instant, not null"); break;
            case "availableUntil": title.AvailableUntil = Instant(value, property); break;
            case "runtimeMinutes": title.RuntimeMinutes = OptionalInt(value, property); break;
            case "contentRating": title.ContentRating = OptionalString(value, property); break;
            case "languages": title.Languages = Strings(value, property); break;
            case "countries": title.Countries = Strings(value, property); break;
            case "genres": title.Genres = Strings(value, property); break;
            case "tags": title.Tags = Strings(value, property); break;
            case "directors": title.Directors = Strings(value, property); break;
            case "cast": title.Cast = Strings(value, property); break;
            case "imdbId": title.ImdbId = OptionalString(value, property); break;
            case "tmdbId": title.TmdbId = OptionalString(value, property); break;
            case "rating": (title.RatingSum, title.RatingCount) = Rating(value); break;
            case "trailers": title.Trailers = Trailers(value, title.Id); break;
        }
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

    private static List<string> Strings(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw new FieldException($"'{name}' must be an array of strings");
        var strings = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
            strings.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FieldException($"'{name}' must be an array of strings"));
        return strings;
    }

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
