using System.Globalization;
using System.Text.Json;
using Catalog.Core.Titles;

namespace Catalog.Search.Tests.Fixtures;

/// <summary>
/// The bundled sample catalog (data/catalog.json, 3,200 real films) read straight into titles, for measurements over a
/// real catalog. Reads the fields search indexes; "now" is the sample's as-of instant (<see cref="Now"/>).
/// </summary>
public static class SampleCatalog
{
    public static readonly DateTime Now = new(2010, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<Title> Titles { get; } = Load();

    private static List<Title> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoFile("data/catalog.json")));
        return [.. json.RootElement.GetProperty("titles").EnumerateArray().Select(ToTitle)];
    }

    private static Title ToTitle(JsonElement t)
    {
        var released = Text(t, "releaseDate") is { } date ? DateOnly.Parse(date, CultureInfo.InvariantCulture) : (DateOnly?)null;
        var rating = t.TryGetProperty("rating", out var r) ? r : (JsonElement?)null;
        return new Title
        {
            Id = Text(t, "id")!,
            Kind = Enum.Parse<TitleKind>(Text(t, "kind")!, ignoreCase: true),
            Name = Text(t, "name")!,
            ReleaseDate = released,
            ReleaseYear = released?.Year,
            AddedAt = Instant(t, "addedAt")!.Value,
            AvailableUntil = Instant(t, "availableUntil"),
            ContentRating = Text(t, "contentRating"),
            Genres = List(t, "genres"),
            Tags = List(t, "tags"),
            Directors = List(t, "directors"),
            RatingSum = rating?.GetProperty("sum").GetDouble() ?? 0,
            RatingCount = rating?.GetProperty("count").GetInt32() ?? 0,
        };
    }

    private static string? Text(JsonElement t, string name) => t.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static DateTime? Instant(JsonElement t, string name) =>
        Text(t, name) is { } text ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : null;

    private static List<string> List(JsonElement t, string name) =>
        t.TryGetProperty(name, out var v) ? [.. v.EnumerateArray().Select(e => e.GetString()!)] : [];

    /// <summary>A file of the repository, found above the test binaries.</summary>
    public static string RepoFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(path))
                return path;
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
