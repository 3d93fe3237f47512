using Catalog.Core.Search;
using Catalog.Search.Schema;

namespace Catalog.Search.Querying.Facets;

/// <summary>Facet fields: their index field, which values a filter selects, and how counts become a result.</summary>
internal static class FacetFields
{
    public const int MaxValuesCap = 1000;

    public static string IndexField(FacetField field) => field switch
    {
        FacetField.Genre => IndexFields.Genre,
        FacetField.Tag => IndexFields.Tag,
        FacetField.Kind => IndexFields.Kind,
        FacetField.Decade => IndexFields.Decade,
        FacetField.ReleaseYear => IndexFields.ReleaseYearValue,
        FacetField.ContentRating => IndexFields.ContentRating,
        FacetField.Language => IndexFields.Language,
        FacetField.RatingBucket => IndexFields.RatingBucket,
        FacetField.HasTrailer => IndexFields.HasTrailer,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown facet field."),
    };

    /// <summary>Whether the filter selects this facet value (RATING_BUCKET has no filter of its own).</summary>
    public static bool IsSelected(FacetField field, string value, TitleFilter? filter)
    {
        if (filter is null)
            return false;
        return field switch
        {
            FacetField.Genre => Contains(filter.Genres, FieldValues.Label, value),
            FacetField.Tag => Contains(filter.Tags, FieldValues.Tag, value) || Contains(filter.AnyTags, FieldValues.Tag, value),
            FacetField.Kind => filter.Kinds?.Any(k => FieldValues.Kind(k) == value) == true,
            FacetField.ContentRating => Contains(filter.ContentRatings, FieldValues.Label, value),
            FacetField.Language => Contains(filter.Languages, FieldValues.Label, value),
            FacetField.HasTrailer => filter.HasTrailer is { } hasTrailer && FieldValues.Bool(hasTrailer) == value,
            FacetField.ReleaseYear => YearSpan(value, 1) is { } year && Covers(filter.ReleaseYear, year.From, year.To),
            FacetField.Decade => YearSpan(value.TrimEnd('s'), 10) is { } decade && Covers(filter.ReleaseYear, decade.From, decade.To),
            _ => false,
        };
    }

    /// <summary>Values with a count, most frequent first then by value, limited to <see cref="FacetRequest.MaxValues"/>.</summary>
    public static FacetResult Result(FacetRequest request, FacetOrdinals? ordinals, int[] counts, TitleFilter? filter)
    {
        var limit = Math.Clamp(request.MaxValues, 0, MaxValuesCap);
        var prefix = request.Prefix?.Trim();
        if (ordinals is null || limit == 0)
            return new FacetResult(request.Field, []);
        // Most frequent first, then by global ordinal (the values' sort order): the best `limit` values kept in a heap whose
        // top is the worst of them, so a tag facet counting thousands of values neither sorts nor copies them all.
        var best = new PriorityQueue<int, long>(limit + 1);
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0 || (!string.IsNullOrEmpty(prefix) && !ordinals.Label(ord).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                continue;
            var worseFirst = -(((long)(int.MaxValue - counts[ord]) << 32) | (uint)ord);
            if (best.Count < limit)
                best.Enqueue(ord, worseFirst);
            else if (best.TryPeek(out _, out var worst) && worseFirst > worst)
                best.EnqueueDequeue(ord, worseFirst);
        }

        var chosen = new int[best.Count];
        for (var i = chosen.Length - 1; i >= 0; i--)
            chosen[i] = best.Dequeue();
        var values = chosen.Select(ord =>
        {
            var label = ordinals.Label(ord);
            return new FacetValue(label, counts[ord], IsSelected(request.Field, label, filter));
        }).ToList();
        return new FacetResult(request.Field, values);
    }

    private static bool Contains(IReadOnlyList<string>? selected, Func<string, string> normalise, string value) =>
        selected?.Any(s => normalise(s) == value) == true;

    private static (int From, int To)? YearSpan(string value, int length) =>
        int.TryParse(value, out var start) ? (start, start + length - 1) : null;

    private static bool Covers(IntRange? range, int from, int to) =>
        range is { } r && (r.Min is not null || r.Max is not null)
        && (r.Min is not { } min || min <= from) && (r.Max is not { } max || to <= max);
}
