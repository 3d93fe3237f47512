using Catalog.Core.Rails;
using Catalog.Search.Schema;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Filtering;

/// <summary>A <see cref="RailWindow"/> as index range filters: the same bounds, applied to the indexed values.</summary>
internal static class RailQueries
{
    public static Filter For(RailWindow window)
    {
        var now = FieldValues.Instant(window.Now);
        var today = FieldValues.Day(window.Today);
        var all = new BooleanQuery
        {
            { Range(IndexFields.AvailableUntil, now + 1, long.MaxValue), Occur.MUST },
        };
        if (window.MustBeAvailable)
            all.Add(Range(IndexFields.AddedAt, long.MinValue, now), Occur.MUST);
        if (window.MustBeUpcoming)
        {
            all.Add(
                new BooleanQuery
                {
                    { Range(IndexFields.AddedAt, now + 1, long.MaxValue), Occur.SHOULD },
                    { Range(IndexFields.ReleaseDay, today + 1L, long.MaxValue), Occur.SHOULD },
                },
                Occur.MUST);
        }

        if (window.AddedAfter is { } after)
            all.Add(Range(IndexFields.AddedAt, FieldValues.Instant(after) + 1, long.MaxValue), Occur.MUST);
        if (window.ReleasedFrom is not null || window.ReleasedTo is not null)
        {
            var from = window.ReleasedFrom is { } f ? FieldValues.Day(f) : long.MinValue;
            var to = window.ReleasedTo is { } t ? FieldValues.Day(t) : long.MaxValue;
            all.Add(Range(IndexFields.ReleaseDay, from, to), Occur.MUST);
        }

        if (window.LeavingBy is { } by)
            all.Add(Range(IndexFields.AvailableUntil, long.MinValue, FieldValues.Instant(by)), Occur.MUST);
        return new QueryWrapperFilter(all);
    }

    private static ConstantScoreQuery Range(string field, long min, long max) =>
        new(DocValuesFilter.Range(field, min, max));
}
