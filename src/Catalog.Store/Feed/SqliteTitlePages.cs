using System.Text.Json;
using Catalog.Core.Titles;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Feed;

/// <summary>
/// A full build's read of the SQLite store without EF Core's materializer (which cost about as much CPU as
/// indexing a tenth of each title): one keyset page of titles, then that page's trailers, read column by
/// column into <see cref="Title"/>s. Reads the columns as the EF model maps them (enums as names, lists as
/// JSON arrays, dates as text, instants as UTC); RawFeedTests compares its titles with EF's.
/// </summary>
internal static class SqliteTitlePages
{
    private const string TitleColumns =
        "Id, Kind, Name, OriginalName, AlternateNames, Synopsis, ReleaseDate, ReleaseYear, AddedAt, AvailableUntil, RuntimeMinutes, " +
        "ContentRating, Languages, Countries, Genres, Tags, Directors, \"Cast\", ImdbId, TmdbId, RatingSum, RatingCount, " +
        "ReviewRatingSum, ReviewRatingCount, UpdatedAt";

    /// <summary>Up to <paramref name="size"/> titles with an id after <paramref name="after"/>, in id order, with their trailers.</summary>
    public static async Task<List<Title>> ReadAsync(SqliteConnection connection, string after, int size, CancellationToken cancellationToken)
    {
        var titles = new List<Title>(size);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {TitleColumns} FROM Titles WHERE Id > $after ORDER BY Id LIMIT $size";
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$size", size);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                titles.Add(ReadTitle(reader));
        }

        if (titles.Count > 0)
            await AddTrailersAsync(connection, titles, cancellationToken);
        return titles;
    }

    private static Title ReadTitle(SqliteDataReader row) => new()
    {
        Id = row.GetString(0),
        Kind = Enum.Parse<TitleKind>(row.GetString(1)),
        Name = row.GetString(2),
        OriginalName = NullableString(row, 3),
        AlternateNames = List(row, 4),
        Synopsis = NullableString(row, 5),
        ReleaseDate = row.IsDBNull(6) ? null : row.GetFieldValue<DateOnly>(6),
        ReleaseYear = row.IsDBNull(7) ? null : row.GetInt32(7),
        AddedAt = Utc(row, 8),
        AvailableUntil = row.IsDBNull(9) ? null : Utc(row, 9),
        RuntimeMinutes = row.IsDBNull(10) ? null : row.GetInt32(10),
        ContentRating = NullableString(row, 11),
        Languages = List(row, 12),
        Countries = List(row, 13),
        Genres = List(row, 14),
        Tags = List(row, 15),
        Directors = List(row, 16),
        Cast = List(row, 17),
        ImdbId = NullableString(row, 18),
        TmdbId = NullableString(row, 19),
        RatingSum = row.GetDouble(20),
        RatingCount = row.GetInt32(21),
        ReviewRatingSum = row.GetDouble(22),
        ReviewRatingCount = row.GetInt32(23),
        UpdatedAt = Utc(row, 24),
    };

    private static async Task AddTrailersAsync(SqliteConnection connection, List<Title> titles, CancellationToken cancellationToken)
    {
        var byId = titles.ToDictionary(t => t.Id, StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, TitleId, Url, EmbedUrl, Site, Kind, Language FROM Trailers WHERE TitleId >= $first AND TitleId <= $last";
        command.Parameters.AddWithValue("$first", titles[0].Id);
        command.Parameters.AddWithValue("$last", titles[^1].Id);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            if (!byId.TryGetValue(row.GetString(1), out var title))
                continue;
            title.Trailers.Add(new Trailer
            {
                Id = row.GetString(0), TitleId = title.Id, Url = row.GetString(2), EmbedUrl = NullableString(row, 3),
                Site = Enum.Parse<TrailerSite>(row.GetString(4)), Kind = Enum.Parse<TrailerKind>(row.GetString(5)), Language = NullableString(row, 6),
            });
        }
    }

    private static string? NullableString(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static DateTime Utc(SqliteDataReader row, int column) => DateTime.SpecifyKind(row.GetDateTime(column), DateTimeKind.Utc);

    private static List<string> List(SqliteDataReader row, int column) =>
        row.IsDBNull(column) ? [] : JsonSerializer.Deserialize<List<string>>(row.GetString(column)) ?? [];
}
