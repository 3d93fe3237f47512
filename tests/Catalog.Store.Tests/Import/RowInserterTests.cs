using System.Data.Common;
using System.Globalization;
using Catalog.Core.Changes;
using Catalog.Core.Titles;
using Catalog.Store.Import;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Import;

/// <summary>The import's bulk path writes exactly the rows SaveChanges writes, on every provider.</summary>
public sealed class RowInserterTests
{
    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Inserted_rows_equal_the_rows_SaveChanges_writes(StoreProvider provider)
    {
        await using var tracked = await TempStore.CreateAsync(provider);
        await using var bulk = await TempStore.CreateAsync(provider);
        var count = 130; // more than one full statement of titles, plus a partial one

        await using (var db = tracked.Open())
        {
            db.Titles.AddRange(Titles(count));
            await db.SaveChangesAsync();
        }

        await using (var db = bulk.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var titles = Titles(count);
            var at = db.Clock.GetUtcNow().UtcDateTime;
            var changes = titles.SelectMany(t => ChangeLogRecorder.NewTitle(t, at)).ToList();
            var (titleRows, trailerRows, changeRows) = (new RowInserter<Title>(db), new RowInserter<Trailer>(db), new RowInserter<ChangeLogEntry>(db));

            // Two batches through the same inserters, the second smaller: encoded rows are reused between batches.
            foreach (var batch in titles.Chunk(100))
            {
                await titleRows.InsertAsync(batch, titleRows.Encode(batch), CancellationToken.None);
                await trailerRows.InsertAsync([.. batch.SelectMany(t => t.Trailers)], CancellationToken.None);
            }

            foreach (var batch in changes.Chunk(120))
                await changeRows.InsertAsync(batch, CancellationToken.None);
            await transaction.CommitAsync();
        }

        foreach (var query in new[]
        {
            """SELECT * FROM "Titles" ORDER BY "Id" """,
            """SELECT * FROM "Trailers" ORDER BY "Id" """,
            """SELECT "Kind", "Operation", "TitleId", "EntityId", "At" FROM "ChangeLog" ORDER BY "TitleId", "Kind", "EntityId" """,
        })
        {
            var expected = await RowsAsync(tracked, query);
            Assert.Equal(expected, await RowsAsync(bulk, query));
            Assert.NotEmpty(expected);
        }

        await using var read = bulk.Open();
        var back = await read.Titles.AsNoTracking().Include(t => t.Trailers).SingleAsync(t => t.Id == "t-007");
        Assert.Equal(["Drama", "Crime"], back.Genres);
        Assert.Equal(DateTimeKind.Utc, back.AddedAt.Kind);
        Assert.Single(back.Trailers);
    }

    /// <summary>
    /// Varied titles: nulls, empty strings and values, lists empty and full, quotes, markup, backslashes,
    /// non-ASCII text and emoji (JSON escapes them), trailers on some.
    /// </summary>
    private static List<Title> Titles(int count) => [.. Enumerable.Range(0, count).Select(i => new Title
    {
        Id = $"t-{i:000}",
        Name = i % 5 == 0 ? $"Ça \"va\" {i}" : $"Title {i}",
        Kind = i % 3 == 0 ? TitleKind.Series : TitleKind.Movie,
        OriginalName = i % 2 == 0 ? null : $"Original {i}",
        AlternateNames = i % 4 == 0 ? [] : [$"Alt {i}", "Ünïcode", "🎬 <b>&amp;</b> \\ \"q\" 'a'", ""],
        Synopsis = i % 6 == 0 ? null : $"Synopsis of {i}, with 'quotes'.",
        ReleaseDate = i % 2 == 0 ? new DateOnly(1990 + (i % 30), 1 + (i % 12), 1 + (i % 28)) : null,
        ReleaseYear = i % 7 == 0 ? null : 1990 + (i % 30),
        AddedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 37.5),
        AvailableUntil = i % 9 == 0 ? new DateTime(2027, 1, 1, 12, 30, 15, DateTimeKind.Utc) : null,
        RuntimeMinutes = i % 8 == 0 ? null : 80 + i,
        ContentRating = (i % 3) switch { 0 => "PG-13", 1 => null, _ => "" },
        Languages = ["en"],
        Countries = i % 2 == 0 ? ["US", "FR"] : [],
        Genres = i % 7 == 0 ? ["Drama", "Crime"] : ["Comedy"],
        Tags = [$"tag{i % 11}", "heist"],
        Directors = [$"Director {i % 13}"],
        Cast = i % 3 == 0 ? [] : [$"Actor {i}", $"Actress {i}"],
        ImdbId = i % 4 == 0 ? null : $"tt{i:0000000}",
        TmdbId = i % 5 == 0 ? $"{i}" : null,
        RatingSum = i * 7.25,
        RatingCount = i,
        Trailers = i % 7 == 0
            ? [new Trailer { Id = $"tr-{i}", TitleId = $"t-{i:000}", Url = $"https://example.com/{i}", Site = TrailerSite.YouTube, Language = i % 2 == 0 ? "en" : null }]
            : [],
    })];

    private static async Task<List<string>> RowsAsync(TempStore store, string sql)
    {
        await using var db = store.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Text(reader, i)}")));
        return rows;
    }

    private static string Text(DbDataReader reader, int i) => reader.IsDBNull(i)
        ? "NULL"
        : reader.GetValue(i) switch
        {
            string[] values => string.Join(",", values),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? "",
        };
}
