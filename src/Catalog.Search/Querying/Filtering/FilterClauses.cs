using Catalog.Core.Search;
using Catalog.Search.Schema;

namespace Catalog.Search.Querying.Filtering;

/// <summary>One active filter of a request and the facet fields whose own filter it is.</summary>
internal sealed record FilterClause(DocValuesFilter Filter, IReadOnlySet<FacetField> OwnedBy);

/// <summary>
/// Translates a <see cref="TitleFilter"/> into filter clauses (AND across fields). For the disjunctive
/// facet counts each clause knows the facet fields it belongs to: kinds → KIND, genres → GENRE,
/// tags and anyTags → TAG, released and releaseYear → DECADE and RELEASE_YEAR, contentRatings →
/// CONTENT_RATING, languages → LANGUAGE, hasTrailer → HAS_TRAILER. excludeTags, added, minRating,
/// minVotes and people belong to no facet and always apply.
/// </summary>
internal static class FilterClauses
{
    /// <summary>Most values one filter field may list.</summary>
    public const int MaxValuesPerField = 256;

    private static readonly HashSet<FacetField> None = [];

    public static List<FilterClause> From(TitleFilter? filter, double catalogMean, double priorVotes)
    {
        var clauses = new List<FilterClause>();
        if (filter is null)
            return clauses;

        void Add(DocValuesFilter? query, params FacetField[] ownedBy)
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
            Add(DocValuesFilter.WeightedRatingAtLeast(minRating, catalogMean, priorVotes));
        Add(Range(IndexFields.RatingCount, filter.MinVotes, null));
        Add(AnyOf(IndexFields.ContentRating, filter.ContentRatings?.Select(FieldValues.Label)), FacetField.ContentRating);
        Add(AnyOf(IndexFields.Language, filter.Languages?.Select(FieldValues.Label)), FacetField.Language);
        Add(AnyOf(IndexFields.Person, filter.People?.Select(FieldValues.Person)));
        if (filter.HasTrailer is { } hasTrailer)
            Add(ValueFilters.AnyOf(IndexFields.HasTrailer, [FieldValues.Bool(hasTrailer)]), FacetField.HasTrailer);
        return clauses;
    }

    /// <summary>The clauses plus availability as one random-access filter.</summary>
    public static DocValuesFilter Combine(IEnumerable<FilterClause> clauses, DocValuesFilter availability) =>
        DocValuesFilter.AllOf([availability, .. clauses.Select(c => c.Filter)]);

    private static List<string>? Values(IEnumerable<string>? values)
    {
        var list = values?.Distinct(StringComparer.Ordinal).ToList();
        if (list is { Count: > MaxValuesPerField })
            throw new ArgumentException($"A filter field may list at most {MaxValuesPerField} values.", nameof(values));
        return list is { Count: > 0 } ? list : null;
    }

    private static DocValuesFilter? AnyOf(string field, IEnumerable<string>? values) =>
        Values(values) is { } list ? ValueFilters.AnyOf(field, list) : null;

    private static DocValuesFilter? AllOf(string field, IEnumerable<string>? values) =>
        Values(values) is { } list ? ValueFilters.AllOf(field, list) : null;

    private static DocValuesFilter? NoneOf(string field, IEnumerable<string>? values) =>
        Values(values) is { } list ? ValueFilters.NoneOf(field, list) : null;

    private static DocValuesFilter? Range(string field, long? min, long? max) =>
        min is null && max is null ? null : DocValuesFilter.Range(field, min ?? long.MinValue, max ?? long.MaxValue);

    private static DocValuesFilter? Released(DateRange? range) =>
        Range(IndexFields.ReleaseDay, range?.From is { } from ? FieldValues.Day(from) : null, range?.To is { } to ? FieldValues.Day(to) : null);

    private static DocValuesFilter? Added(InstantRange? range) =>
        Range(IndexFields.AddedAt, Ticks(range?.From), Ticks(range?.To));

    private static long? Ticks(DateTime? instant) => instant switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => FieldValues.Instant(local.ToUniversalTime()),
        { } utc => FieldValues.Instant(utc),
    };
}
