using Catalog.Core.Search;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying;

/// <summary>One active filter of a request and the facet fields whose own filter it is.</summary>
internal sealed record FilterClause(Query Query, IReadOnlySet<FacetField> OwnedBy);

/// <summary>
/// Translates a <see cref="TitleFilter"/> into filter clauses (AND across fields). For the disjunctive
/// facet counts each clause knows the facet fields it belongs to: kinds → KIND, genres → GENRE,
/// tags and anyTags → TAG, released and releaseYear → DECADE and RELEASE_YEAR, contentRatings →
/// CONTENT_RATING, languages → LANGUAGE, hasTrailer → HAS_TRAILER. excludeTags, added, minRating,
/// minVotes and people belong to no facet and always apply.
/// </summary>
internal static class FilterClauses
{
    /// <summary>Most values one filter field may list (Lucene caps a boolean query at 1024 clauses).</summary>
    public const int MaxValuesPerField = 256;

    private static readonly HashSet<FacetField> None = [];

    public static List<FilterClause> From(TitleFilter? filter, double catalogMean, double priorVotes)
    {
        var clauses = new List<FilterClause>();
        if (filter is null)
            return clauses;

        void Add(Query? query, params FacetField[] ownedBy)
        {
            if (query is not null)
                clauses.Add(new FilterClause(query, ownedBy.Length == 0 ? None : [.. ownedBy]));
        }

        Add(AnyOf(IndexFields.Kind, filter.Kinds?.Select(FieldValues.Kind)), FacetField.Kind);
        Add(AnyOf(IndexFields.Genre, filter.Genres?.Select(FieldValues.Label)), FacetField.Genre);
        Add(AllOf(IndexFields.Tag, filter.Tags?.Select(FieldValues.Tag)), FacetField.Tag);
        Add(AnyOf(IndexFields.Tag, filter.AnyTags?.Select(FieldValues.Tag)), FacetField.Tag);
        Add(NoneOf(IndexFields.Tag, filter.ExcludeTags?.Select(FieldValues.Tag)));
        Add(Released(filter.Released), FacetField.Decade, FacetField.ReleaseYear);
        Add(Range(IndexFields.ReleaseYear, filter.ReleaseYear?.Min, filter.ReleaseYear?.Max), FacetField.Decade, FacetField.ReleaseYear);
        Add(Added(filter.Added));
        if (filter.MinRating is { } minRating)
            Add(new ConstantScoreQuery(DocValuesFilter.WeightedRatingAtLeast(minRating, catalogMean, priorVotes)));
        Add(Range(IndexFields.RatingCount, filter.MinVotes, null));
        Add(AnyOf(IndexFields.ContentRating, filter.ContentRatings?.Select(FieldValues.Label)), FacetField.ContentRating);
        Add(AnyOf(IndexFields.Language, filter.Languages?.Select(FieldValues.Label)), FacetField.Language);
        Add(AnyOf(IndexFields.Person, filter.People?.Select(FieldValues.Person)));
        if (filter.HasTrailer is { } hasTrailer)
            Add(new TermQuery(new Term(IndexFields.HasTrailer, FieldValues.Bool(hasTrailer))), FacetField.HasTrailer);
        return clauses;
    }

    /// <summary>Every clause not owned by <paramref name="except"/>, plus availability, as one filter.</summary>
    public static Filter Combine(IEnumerable<FilterClause> clauses, Filter availability, FacetField? except = null)
    {
        var all = new BooleanQuery { { new ConstantScoreQuery(availability), Occur.MUST } };
        foreach (var clause in clauses)
        {
            if (except is not { } field || !clause.OwnedBy.Contains(field))
                all.Add(clause.Query, Occur.MUST);
        }

        return all.Clauses.Count == 1 ? availability : new QueryWrapperFilter(all);
    }

    private static List<string>? Values(IEnumerable<string>? values)
    {
        var list = values?.Distinct(StringComparer.Ordinal).ToList();
        if (list is { Count: > MaxValuesPerField })
            throw new ArgumentException($"A filter field may list at most {MaxValuesPerField} values.", nameof(values));
        return list is { Count: > 0 } ? list : null;
    }

    private static BooleanQuery? Terms(string field, IEnumerable<string>? values, Occur occur)
    {
        if (Values(values) is not { } list)
            return null;
        var query = new BooleanQuery(disableCoord: true);
        foreach (var value in list)
            query.Add(new TermQuery(new Term(field, value)), occur);
        return query;
    }

    private static BooleanQuery? AnyOf(string field, IEnumerable<string>? values) => Terms(field, values, Occur.SHOULD);

    private static BooleanQuery? AllOf(string field, IEnumerable<string>? values) => Terms(field, values, Occur.MUST);

    private static BooleanQuery? NoneOf(string field, IEnumerable<string>? values)
    {
        if (Terms(field, values, Occur.MUST_NOT) is not { } excluded)
            return null;
        excluded.Add(new MatchAllDocsQuery(), Occur.MUST);
        return excluded;
    }

    private static ConstantScoreQuery? Range(string field, long? min, long? max) =>
        min is null && max is null
            ? null
            : new ConstantScoreQuery(DocValuesFilter.Range(field, min ?? long.MinValue, max ?? long.MaxValue));

    private static ConstantScoreQuery? Released(DateRange? range) =>
        Range(IndexFields.ReleaseDay, range?.From is { } from ? FieldValues.Day(from) : null, range?.To is { } to ? FieldValues.Day(to) : null);

    private static ConstantScoreQuery? Added(InstantRange? range) =>
        Range(IndexFields.AddedAt, Ticks(range?.From), Ticks(range?.To));

    private static long? Ticks(DateTime? instant) => instant switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => FieldValues.Instant(local.ToUniversalTime()),
        { } utc => FieldValues.Instant(utc),
    };
}
