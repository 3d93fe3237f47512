using Catalog.Benchmarks.Queries;
using Microsoft.Data.Sqlite;

namespace Catalog.Benchmarks.Systems;

/// <summary>How a SQLite peer finds the matching titles: FTS5 with bm25, or the naive LIKE scan.</summary>
internal interface ISqliteMatcher
{
    string Name { get; }

    /// <summary>SELECT of the dialect's columns and a score from titles aliased t, ending in a WHERE clause.</summary>
    string Source(BenchQuery query, List<(string Name, object Value)> parameters);

    string Relevance { get; }
}

/// <summary>A SQLite peer over the database <see cref="SqlitePeerDatabase"/> built: one connection per worker.</summary>
internal sealed class SqlitePeer(ISqliteMatcher matcher, string path, int workers, PeerQuerySql sql) : ISearchSystem
{
    private readonly SqliteConnection[] connections = [.. Enumerable.Range(0, workers).Select(_ => Open(path))];

    public string Name => matcher.Name;

    public async Task<SearchAnswer> SearchAsync(BenchQuery query, int worker, CancellationToken cancellationToken)
    {
        var parameters = new List<(string Name, object Value)>();
        var source = matcher.Source(query, parameters);
        await using var command = connections[worker].CreateCommand();
        command.CommandText = sql.Build(query, source, matcher.Relevance, parameters);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await PeerQuerySql.ReadAsync(reader, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
            await connection.DisposeAsync();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}

/// <summary>FTS5 (external content) over name, tags+genres, people and synopsis; bm25 weights name highest.</summary>
internal sealed class Fts5Matcher : ISqliteMatcher
{
    public string Name => "SQLite FTS5";

    public string Relevance => "m.score ASC";

    public string Source(BenchQuery query, List<(string Name, object Value)> parameters)
    {
        parameters.Add(("@match", MatchExpression(query.Words)));
        return "SELECT " + SqlDialects.Sqlite.Columns + ", bm25(titles_fts, 10.0, 4.0, 3.0, 1.0) AS score "
            + "FROM titles_fts JOIN titles t ON t.r = titles_fts.rowid WHERE titles_fts MATCH @match";
    }

    /// <summary>Each word a quoted token (no FTS syntax from users), the last one a prefix: "spider" "ma"*.</summary>
    public static string MatchExpression(IReadOnlyList<string> words) =>
        string.Join(" ", words.Select((w, i) => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (i == words.Count - 1 ? "*" : string.Empty)));
}

/// <summary>What many media servers do: every word must appear somewhere in name, tags or people (no index).</summary>
internal sealed class LikeMatcher : ISqliteMatcher
{
    public string Name => "SQLite LIKE scan";

    /// <summary>LIKE has no relevance: most-voted first.</summary>
    public string Relevance => "m.rating_count DESC";

    public string Source(BenchQuery query, List<(string Name, object Value)> parameters)
    {
        var conditions = query.Words.Select((word, i) =>
        {
            var name = $"@w{i}";
            parameters.Add((name, "%" + word.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal) + "%"));
            return $"(t.name LIKE {name} OR t.tags_text LIKE {name} OR t.people LIKE {name})";
        });
        return "SELECT " + SqlDialects.Sqlite.Columns + ", 0 AS score FROM titles t WHERE " + string.Join(" AND ", conditions);
    }
}
