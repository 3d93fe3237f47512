using Catalog.Core.Titles;
using Microsoft.Data.Sqlite;

namespace Catalog.Benchmarks.Systems;

/// <summary>Builds the peers' SQLite file: titles, genre/tag side tables, and an external-content FTS5 table.</summary>
internal static class SqlitePeerDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
        CREATE TABLE titles(
            r INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, name_sort TEXT NOT NULL,
            tags_text TEXT NOT NULL, people TEXT NOT NULL, synopsis TEXT NOT NULL, kind TEXT NOT NULL,
            release_day INTEGER, decade TEXT, added_at INTEGER NOT NULL, until INTEGER,
            rating_sum REAL NOT NULL, rating_count INTEGER NOT NULL, rating_bucket TEXT, has_trailer INTEGER NOT NULL);
        CREATE TABLE title_genres(title INTEGER NOT NULL, genre TEXT NOT NULL, PRIMARY KEY(title, genre)) WITHOUT ROWID;
        CREATE TABLE title_tags(title INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY(title, tag)) WITHOUT ROWID;
        """;

    private const string Indexes = """
        CREATE INDEX title_genres_genre ON title_genres(genre, title);
        CREATE INDEX title_tags_tag ON title_tags(tag, title);
        CREATE VIRTUAL TABLE titles_fts USING fts5(name, tags_text, people, synopsis,
            content='titles', content_rowid='r', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
        INSERT INTO titles_fts(titles_fts) VALUES('rebuild');
        ANALYZE;
        """;

    public static void Create(string path, IReadOnlyList<Title> titles)
    {
        if (File.Exists(path))
            File.Delete(path);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, Schema);
        using (var transaction = connection.BeginTransaction())
        {
            using var title = Prepare(connection, "INSERT INTO titles VALUES(@r,@id,@name,@sort,@tags,@people,@synopsis,@kind,@day,@decade,@added,@until,@sum,@count,@bucket,@trailer)");
            using var genre = Prepare(connection, "INSERT INTO title_genres VALUES(@r,@v)");
            using var tag = Prepare(connection, "INSERT INTO title_tags VALUES(@r,@v)");
            for (var i = 0; i < titles.Count; i++)
            {
                var row = PeerRow.From(titles[i], i + 1);
                Run(title, row.Row, row.Id, row.Name, row.NameSort, row.TagsText, row.People, row.Synopsis, row.Kind,
                    row.ReleaseDay, row.Decade, row.AddedAt, row.Until, row.RatingSum, row.RatingCount, row.RatingBucket, row.HasTrailer ? 1 : 0);
                foreach (var value in row.Genres)
                    Run(genre, row.Row, value);
                foreach (var value in row.Tags)
                    Run(tag, row.Row, value);
            }

            transaction.Commit();
        }

        Execute(connection, Indexes);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, "@[a-z]+").Select(m => m.Value))
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
