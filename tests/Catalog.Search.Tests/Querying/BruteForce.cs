using Catalog.Core.Rails;
using Catalog.Core.Ranking;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Search.Schema;

namespace Catalog.Search.Tests.Querying;

/// <summary>The SPEC's filter, facet and sort rules in plain C# over titles: the oracle for the index.</summary>
public static class BruteForce
{
    public static double CatalogMean(IEnumerable<Title> titles)
    {
        var list = titles.ToList();
        var votes = list.Sum(t => (long)t.RatingCount);
        return votes > 0 ? list.Sum(t => t.RatingSum) / votes : 0;
    }

    public static double Weighted(Title t, double catalogMean, double priorVotes) =>
        WeightedRating.Compute(t.RatingCount > 0 ? t.RatingSum / t.RatingCount : 0, t.RatingCount, catalogMean, priorVotes);

    /// <summary>Whether the title passes the filter (skipping the clauses owned by <paramref name="except"/>).</summary>
    public static bool Matches(Title t, TitleFilter f, DateTime now, double mean, double priorVotes, FacetField? except = null)
    {
        if (!TitleAvailability.IsAvailable(t, now))
            return false;
        bool Own(params FacetField[] fields) => except is { } e && fields.Contains(e);
        var tags = t.Tags.Select(FieldValues.Tag).ToHashSet();
        var released = t.EffectiveReleaseDate;
        return (Own(FacetField.Kind) || Any(f.Kinds, k => k == t.Kind))
            && (Own(FacetField.Genre) || Any(f.Genres, g => t.Genres.Contains(FieldValues.Label(g))))
            && (Own(FacetField.Tag) || All(f.Tags, x => tags.Contains(FieldValues.Tag(x))))
            && (Own(FacetField.Tag) || Any(f.AnyTags, x => tags.Contains(FieldValues.Tag(x))))
            && (f.ExcludeTags is null || !f.ExcludeTags.Any(x => tags.Contains(FieldValues.Tag(x))))
            && (Own(FacetField.Decade, FacetField.ReleaseYear) || f.Released is not { } r
                || (r.From is null && r.To is null) || InRange(released, r.From, r.To))
            && (Own(FacetField.Decade, FacetField.ReleaseYear) || f.ReleaseYear is not { } y
                || (y.Min is null && y.Max is null) || InRange(released?.Year, y.Min, y.Max))
            && (f.Added is not { } a || (a.From is null && a.To is null) || InRange((DateTime?)t.AddedAt, a.From, a.To))
            && (f.MinRating is not { } min || Weighted(t, mean, priorVotes) >= min)
            && (f.MinVotes is not { } votes || t.RatingCount >= votes)
            && (Own(FacetField.ContentRating) || Any(f.ContentRatings, c => t.ContentRating == c))
            && (Own(FacetField.Language) || Any(f.Languages, l => t.Languages.Contains(l)))
            && Any(f.People, p => t.Directors.Concat(t.Cast).Any(x => FieldValues.Person(x) == FieldValues.Person(p)))
            && (Own(FacetField.HasTrailer) || f.HasTrailer is not { } trailer || (t.Trailers.Count > 0) == trailer);
    }

    public static IEnumerable<string> FacetValues(Title t, FacetField field)
    {
        var year = t.EffectiveReleaseDate?.Year;
        IEnumerable<string?> values = field switch
        {
            FacetField.Genre => [.. t.Genres.Select(FieldValues.Label)],
            FacetField.Tag => [.. t.Tags.Select(FieldValues.Tag)],
            FacetField.Kind => [FieldValues.Kind(t.Kind)],
            FacetField.Decade => [year is { } d ? FieldValues.Decade(d) : null],
            FacetField.ReleaseYear => [year is { } y ? FieldValues.Year(y) : null],
            FacetField.ContentRating => [t.ContentRating],
            FacetField.Language => [.. t.Languages.Select(FieldValues.Label)],
            FacetField.RatingBucket => [FieldValues.RatingBucket(t.RatingAverage)],
            FacetField.HasTrailer => [FieldValues.Bool(t.Trailers.Count > 0)],
            _ => [],
        };
        return values.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Counts of a field over the titles passing every filter but the field's own, as the API sorts them.</summary>
    public static List<(string Value, int Count)> Facet(
        IEnumerable<Title> titles, TitleFilter filter, FacetField field, DateTime now, double mean, double priorVotes) =>
        [.. titles.Where(t => Matches(t, filter, now, mean, priorVotes, except: field))
            .SelectMany(t => FacetValues(t, field))
            .GroupBy(v => v)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2)
            .ThenBy(x => x.Key, StringComparer.Ordinal)];

    public static IComparer<Title> Order(TitleSort sort, double mean, double priorVotes) =>
        Comparer<Title>.Create((a, b) =>
        {
            var byField = sort switch
            {
                TitleSort.Rating => Weighted(b, mean, priorVotes).CompareTo(Weighted(a, mean, priorVotes)),
                TitleSort.Popularity => b.RatingCount.CompareTo(a.RatingCount),
                TitleSort.ReleasedNewest => NullsLast(a.EffectiveReleaseDate, b.EffectiveReleaseDate, descending: true),
                TitleSort.ReleasedOldest => NullsLast(a.EffectiveReleaseDate, b.EffectiveReleaseDate, descending: false),
                TitleSort.AddedNewest => b.AddedAt.CompareTo(a.AddedAt),
                TitleSort.AddedOldest => a.AddedAt.CompareTo(b.AddedAt),
                TitleSort.Name => string.CompareOrdinal(FieldValues.SortName(a.Name), FieldValues.SortName(b.Name)),
                _ => 0,
            };
            return byField != 0 ? byField : string.CompareOrdinal(a.Id, b.Id);
        });

    private static int NullsLast(DateOnly? a, DateOnly? b, bool descending) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => descending ? y.CompareTo(x) : x.CompareTo(y),
    };

    private static bool Any<T>(IReadOnlyList<T>? wanted, Func<T, bool> has) => wanted is not { Count: > 0 } || wanted.Any(has);

    private static bool All<T>(IReadOnlyList<T>? wanted, Func<T, bool> has) => wanted is null || wanted.All(has);

    private static bool InRange<T>(T? value, T? from, T? to)
        where T : struct, IComparable<T> =>
        value is { } v && (from is not { } f || v.CompareTo(f) >= 0) && (to is not { } t || v.CompareTo(t) <= 0);
}
