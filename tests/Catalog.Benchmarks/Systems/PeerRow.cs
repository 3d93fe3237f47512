using Catalog.Core.Titles;
using Catalog.Search.Schema;

namespace Catalog.Benchmarks.Systems;

/// <summary>A title flattened into the columns the SQL peers store (same derived values as Catalog's index).</summary>
internal sealed record PeerRow(
    int Row,
    string Id,
    string Name,
    string NameSort,
    string TagsText,
    string People,
    string Synopsis,
    string Kind,
    int? ReleaseDay,
    string? Decade,
    long AddedAt,
    long? Until,
    double RatingSum,
    int RatingCount,
    string? RatingBucket,
    bool HasTrailer,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Tags)
{
    public static PeerRow From(Title title, int row)
    {
        var released = title.EffectiveReleaseDate;
        var tags = title.Tags.Select(FieldValues.Tag).Distinct(StringComparer.Ordinal).ToList();
        return new PeerRow(
            row,
            title.Id,
            title.Name,
            FieldValues.SortName(title.Name),
            string.Join(" ", title.Tags.Concat(title.Genres)),
            string.Join(" ", title.Directors.Concat(title.Cast)),
            title.Synopsis ?? string.Empty,
            title.Kind.ToString(),
            released?.DayNumber,
            released is { } day ? FieldValues.Decade(day.Year) : null,
            title.AddedAt.Ticks,
            title.AvailableUntil?.Ticks,
            title.RatingSum,
            title.RatingCount,
            FieldValues.RatingBucket(title.RatingAverage),
            title.Trailers.Count > 0,
            title.Genres.Distinct(StringComparer.Ordinal).ToList(),
            tags);
    }

    /// <summary>Mean vote over the catalog (the C of the weighted rating).</summary>
    public static double CatalogMean(IReadOnlyList<Title> titles)
    {
        var votes = titles.Sum(t => (long)t.RatingCount);
        return votes == 0 ? 0 : titles.Sum(t => t.RatingSum) / votes;
    }
}
