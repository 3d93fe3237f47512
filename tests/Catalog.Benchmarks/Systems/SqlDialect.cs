namespace Catalog.Benchmarks.Systems;

/// <summary>Where SQLite (side tables) and PostgreSQL (arrays) spell the same peer query differently.</summary>
internal sealed record SqlDialect(
    Func<string, string> GenresAny,
    Func<string, string> TagsAll,
    string GenreRows,
    string TagRows,
    Func<string, string> KindsAny,
    Func<IReadOnlyList<string>, object> List,
    string Columns);

internal static class SqlDialects
{
    private const string CommonColumns =
        "t.r, t.id, t.name_sort, t.kind, t.decade, t.rating_bucket, t.release_day, t.added_at, t.rating_sum, t.rating_count";

    /// <summary>Genres and tags live in WITHOUT ROWID side tables keyed (title, value).</summary>
    public static readonly SqlDialect Sqlite = new(
        GenresAny: p => $"EXISTS (SELECT 1 FROM title_genres g WHERE g.title = m.r AND g.genre IN (SELECT value FROM json_each({p})))",
        TagsAll: p => $"(SELECT count(*) FROM title_tags x WHERE x.title = m.r AND x.tag IN (SELECT value FROM json_each({p}))) = json_array_length({p})",
        GenreRows: "JOIN title_genres g ON g.title = m.r",
        TagRows: "JOIN title_tags g ON g.title = m.r",
        KindsAny: p => $"m.kind IN (SELECT value FROM json_each({p}))",
        List: values => System.Text.Json.JsonSerializer.Serialize(values),
        Columns: CommonColumns);

    /// <summary>Genres and tags are text[] columns with GIN indexes.</summary>
    public static readonly SqlDialect Postgres = new(
        GenresAny: p => $"m.genres && {p}",
        TagsAll: p => $"m.tags @> {p}",
        GenreRows: "CROSS JOIN LATERAL unnest(m.genres) AS g(genre)",
        TagRows: "CROSS JOIN LATERAL unnest(m.tags) AS g(tag)",
        KindsAny: p => $"m.kind = ANY({p})",
        List: values => values.ToArray(),
        Columns: CommonColumns + ", t.genres, t.tags");
}
