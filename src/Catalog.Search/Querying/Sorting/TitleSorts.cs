using Catalog.Core.Rails;
using Catalog.Core.Search;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Schema;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Sorting;

/// <summary>The Lucene sort of every public order; each ends with the title id so paging is stable.</summary>
internal static class TitleSorts
{
    public static SortField IdTieBreaker => BytesColumnSort.For(IndexFields.Id);

    /// <summary>
    /// The order of a search. RELEVANCE over a text query is the score of <see cref="RankingRules"/>, then popularity (votes,
    /// or the weighted rating for an experiment's variant), then the id; without text every title scores alike and the id
    /// alone orders them.
    /// </summary>
    public static Sort For(TitleSort sort, WeightedRatingSort weightedRating, bool text, PopularityTieBreak tieBreak = PopularityTieBreak.Votes) =>
        sort == TitleSort.Relevance && text
            ? new(SortField.FIELD_SCORE, tieBreak == PopularityTieBreak.WeightedRating ? weightedRating.Descending() : Popularity, IdTieBreaker)
            : For(sort, weightedRating);

    private static Sort For(TitleSort sort, WeightedRatingSort weightedRating) => new(sort switch
    {
        TitleSort.Relevance => SortField.FIELD_SCORE,
        TitleSort.Rating => weightedRating.Descending(),
        TitleSort.Popularity => Popularity,
        TitleSort.ReleasedNewest => Long(IndexFields.ReleaseDay, descending: true),
        TitleSort.ReleasedOldest => Long(IndexFields.ReleaseDay, descending: false),
        TitleSort.AddedNewest => Long(IndexFields.AddedAt, descending: true),
        TitleSort.AddedOldest => Long(IndexFields.AddedAt, descending: false),
        TitleSort.Name => BytesColumnSort.For(IndexFields.NameSort),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    }, IdTieBreaker);

    public static Sort For(RailOrder order) => new(order switch
    {
        RailOrder.AddedNewest => Long(IndexFields.AddedAt, descending: true),
        RailOrder.ReleasedNewest => Long(IndexFields.ReleaseDay, descending: true),
        RailOrder.ComingSoonest => Long(IndexFields.ComingAt, descending: false),
        RailOrder.LeavingSoonest => Long(IndexFields.AvailableUntil, descending: false),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown rail order."),
    }, IdTieBreaker);

    /// <summary>Most votes first.</summary>
    public static SortField Popularity => LongColumnSort.For(IndexFields.RatingCount, descending: true);

    /// <summary>A long sort with missing values (no release date) last in either direction.</summary>
    private static SortField Long(string field, bool descending) =>
        LongColumnSort.For(field, descending, missing: descending ? long.MinValue : long.MaxValue);
}
