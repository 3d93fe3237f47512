using System.Globalization;
using Catalog.Benchmarks.Queries;
using Catalog.Core.Search;

namespace Catalog.Benchmarks.Systems;

/// <summary>
/// One SQL statement per query for the SQL peers, the way a careful team would write it: the matching
/// set is materialised once, then the page (sort, LIMIT/OFFSET), the total and the five facet counts
/// are read from it. Facets are disjunctive like Catalog's: a facet ignores its own field's filter.
/// </summary>
internal sealed class PeerQuerySql(SqlDialect dialect, double priorVotes, double catalogMean, DateTime now)
{
    /// <param name="source">SELECT of dialect.Columns plus a <c>score</c> from titles aliased <c>t</c>, ending in a WHERE clause.</param>
    /// <param name="relevance">ORDER BY terms for the relevance sort over <c>m</c>.</param>
    public string Build(BenchQuery query, string source, string relevance, List<(string Name, object Value)> parameters)
    {
        var filter = query.Filter ?? new TitleFilter();
        var baseFilters = BaseFilters(filter, parameters);
        var genre = filter.Genres is { Count: > 0 } genres ? dialect.GenresAny(Add(parameters, "genres", dialect.List(genres))) : null;
        var tags = filter.Tags is { Count: > 0 } tagList ? dialect.TagsAll(Add(parameters, "tags", dialect.List(tagList))) : null;
        var kind = filter.Kinds is { Count: > 0 } kinds
            ? dialect.KindsAny(Add(parameters, "kinds", dialect.List([.. kinds.Select(k => k.ToString())])))
            : null;
        var offset = (query.Page - 1) * BenchQuery.PageSize;
        return $"""
            WITH m AS MATERIALIZED ({source}{baseFilters})
            SELECT 'hit' AS f, h.id AS v, 0 AS c FROM (SELECT m.id FROM m {Where(genre, tags, kind)} ORDER BY {Order(query.Sort, relevance)}, m.id LIMIT {BenchQuery.PageSize} OFFSET {offset}) h
            UNION ALL SELECT 'total', NULL, count(*) FROM m {Where(genre, tags, kind)}
            UNION ALL {Facet("genre", "g.genre", dialect.GenreRows, Where(tags, kind))}
            UNION ALL {Facet("tag", "g.tag", dialect.TagRows, Where(genre, kind))}
            UNION ALL {Facet("decade", "m.decade", string.Empty, Where(genre, tags, kind))}
            UNION ALL {Facet("kind", "m.kind", string.Empty, Where(genre, tags))}
            UNION ALL {Facet("rating", "m.rating_bucket", string.Empty, Where(genre, tags, kind))}
            """;
    }

    public static async Task<SearchAnswer> ReadAsync(System.Data.Common.DbDataReader reader, CancellationToken cancellationToken)
    {
        var ids = new List<string>(BenchQuery.PageSize);
        var total = 0;
        var facetValues = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (reader.GetString(0))
            {
                case "hit":
                    ids.Add(reader.GetString(1));
                    break;
                case "total":
                    total = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
                    break;
                default:
                    facetValues++;
                    break;
            }
        }

        return new SearchAnswer(total, ids, facetValues);
    }

    private static string Facet(string name, string value, string rows, string where) =>
        $"SELECT '{name}', v, c FROM (SELECT {value} AS v, count(*) AS c FROM m {rows} {where} GROUP BY {value} ORDER BY c DESC LIMIT 10) {name}_facet";

    private static string Where(params string?[] conditions)
    {
        var present = conditions.Where(c => c is not null).ToList();
        return present.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", present);
    }

    /// <summary>Filters on fields no requested facet counts: applied while materialising the matching set.</summary>
    private string BaseFilters(TitleFilter filter, List<(string Name, object Value)> parameters)
    {
        var clauses = new List<string>();
        if (filter.Released is { } released)
        {
            if (released.From is { } from)
                clauses.Add($"t.release_day >= {Add(parameters, "rfrom", from.DayNumber)}");
            if (released.To is { } to)
                clauses.Add($"t.release_day <= {Add(parameters, "rto", to.DayNumber)}");
        }

        if (filter.Added is { } added)
        {
            if (added.From is { } from)
                clauses.Add($"t.added_at >= {Add(parameters, "afrom", from.Ticks)}");
            if (added.To is { } to)
                clauses.Add($"t.added_at <= {Add(parameters, "ato", to.Ticks)}");
        }

        if (filter.HasTrailer is { } hasTrailer)
            clauses.Add($"t.has_trailer = {Add(parameters, "trailer", hasTrailer)}");

        // Only titles available now, as Catalog's search shows.
        var ticks = Add(parameters, "now", now.Ticks);
        clauses.Add($"t.added_at <= {ticks} AND (t.until IS NULL OR t.until > {ticks})");
        return string.Concat(clauses.Select(c => " AND " + c));
    }

    private string Order(TitleSort sort, string relevance) => sort switch
    {
        TitleSort.Relevance => relevance,
        TitleSort.Popularity => "m.rating_count DESC",
        TitleSort.Rating => string.Create(CultureInfo.InvariantCulture, $"(m.rating_sum + {priorVotes * catalogMean}) / (m.rating_count + {priorVotes}) DESC"),
        TitleSort.ReleasedNewest => "m.release_day DESC NULLS LAST",
        TitleSort.ReleasedOldest => "m.release_day ASC NULLS LAST",
        TitleSort.AddedNewest => "m.added_at DESC",
        TitleSort.AddedOldest => "m.added_at ASC",
        _ => "m.name_sort ASC",
    };

    private static string Add(List<(string Name, object Value)> parameters, string name, object value)
    {
        parameters.Add(("@" + name, value));
        return "@" + name;
    }
}
