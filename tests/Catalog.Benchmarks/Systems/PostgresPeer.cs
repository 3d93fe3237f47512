using Catalog.Benchmarks.Queries;
using Catalog.Core.Titles;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Benchmarks.Systems;

/// <summary>
/// PostgreSQL full-text search: a stored generated tsvector (name A, tags+genres B, people C, synopsis D)
/// with a GIN index, text[] genres/tags with GIN indexes, websearch_to_tsquery plus a prefix term for the
/// last word, ts_rank_cd ordering. One connection per worker.
/// </summary>
internal sealed class PostgresPeer(NpgsqlConnection[] connections, PeerQuerySql sql) : ISearchSystem
{
    public IReadOnlyList<int> ServerProcesses { get; } = [.. connections.Select(c => c.ProcessID)];

    public const string Database = "catalog_bench";

    private const string Relevance = "m.score DESC";

    private const string Schema = """
        DROP TABLE IF EXISTS titles;
        CREATE UNLOGGED TABLE titles(
            r int PRIMARY KEY, id text NOT NULL, name text NOT NULL, name_sort text NOT NULL COLLATE "C",
            tags_text text NOT NULL, people text NOT NULL, synopsis text NOT NULL, kind text NOT NULL,
            release_day int, decade text, added_at bigint NOT NULL, until bigint,
            rating_sum float8 NOT NULL, rating_count int NOT NULL, rating_bucket text, has_trailer boolean NOT NULL,
            genres text[] NOT NULL, tags text[] NOT NULL,
            doc tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', tags_text), 'B') ||
                setweight(to_tsvector('english', people), 'C') || setweight(to_tsvector('english', synopsis), 'D')) STORED);
        """;

    private const string Indexes = """
        CREATE INDEX titles_doc ON titles USING gin(doc);
        CREATE INDEX titles_genres ON titles USING gin(genres);
        CREATE INDEX titles_tags ON titles USING gin(tags);
        """;

    public string Name => "PostgreSQL FTS";

    /// <summary>Creates the benchmark database when missing and loads the titles with binary COPY.</summary>
    public static async Task LoadAsync(string connectionString, IReadOnlyList<Title> titles, CancellationToken cancellationToken)
    {
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", admin);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", admin);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var connection = await OpenAsync(connectionString, cancellationToken);
        await ExecuteAsync(connection, Schema, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY titles(r, id, name, name_sort, tags_text, people, synopsis, kind, release_day, decade, added_at, until, rating_sum, rating_count, rating_bucket, has_trailer, genres, tags) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var i = 0; i < titles.Count; i++)
                await WriteAsync(copy, PeerRow.From(titles[i], i + 1), cancellationToken);
            await copy.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, Indexes, cancellationToken);
        await ExecuteAsync(connection, "VACUUM ANALYZE titles", cancellationToken);
    }

    public static async Task<PostgresPeer> ConnectAsync(string connectionString, int workers, PeerQuerySql sql, CancellationToken cancellationToken)
    {
        var connections = new NpgsqlConnection[workers];
        for (var i = 0; i < workers; i++)
            connections[i] = await OpenAsync(connectionString, cancellationToken);
        return new PostgresPeer(connections, sql);
    }

    public async Task<SearchAnswer> SearchAsync(BenchQuery query, int worker, CancellationToken cancellationToken)
    {
        var parameters = new List<(string Name, object Value)>
        {
            ("@head", string.Join(' ', query.Words.Take(query.Words.Count - 1))),
            ("@last", PrefixTerm(query.Words[^1])),
        };
        var source = "SELECT " + SqlDialects.Postgres.Columns + ", ts_rank_cd(t.doc, q.q) AS score FROM titles t, "
            + "(SELECT websearch_to_tsquery('english', @head) && to_tsquery('english', @last) AS q) q WHERE t.doc @@ q.q";
        await using var command = new NpgsqlCommand(sql.Build(query, source, Relevance, parameters), connections[worker]);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name.TrimStart('@'), value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await PeerQuerySql.ReadAsync(reader, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
            await connection.DisposeAsync();
    }

    /// <summary>The last word as a prefix term; only letters and digits reach to_tsquery (no syntax from users).</summary>
    private static string PrefixTerm(string word)
    {
        var clean = new string([.. word.Where(char.IsLetterOrDigit)]);
        return clean.Length == 0 ? string.Empty : clean + ":*";
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = Database, CommandTimeout = 0 };
        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SET work_mem = '64MB'; SET jit = off; SET client_min_messages = warning;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, PeerRow row, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(row.Row, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(row.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.NameSort, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.TagsText, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.People, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.Synopsis, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.Kind, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(copy, row.ReleaseDay, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(copy, row.Decade, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.AddedAt, NpgsqlDbType.Bigint, cancellationToken);
        await WriteNullableAsync(copy, row.Until, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(row.RatingSum, NpgsqlDbType.Double, cancellationToken);
        await copy.WriteAsync(row.RatingCount, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(copy, row.RatingBucket, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.HasTrailer, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync(row.Genres.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(row.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);
}
