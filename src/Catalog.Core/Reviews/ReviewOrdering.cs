using Catalog.Core.Ranking;

namespace Catalog.Core.Reviews;

public enum ReviewOrder
{
    Helpfulness,
    Newest,
    Oldest,
    RatingHigh,
    RatingLow,
}

/// <summary>What a review is ordered by, without its body.</summary>
public sealed record ReviewSortKey(string Id, string TitleId, int Rating, DateTime CreatedAt, int HelpfulVotes, int UnhelpfulVotes)
{
    public double Helpfulness => WilsonScore.LowerBound(HelpfulVotes, UnhelpfulVotes);
}

/// <summary>
/// The SPEC's review orders. HELPFULNESS: Wilson lower bound desc, ties by more votes, then newer.
/// Rating orders break ties by newer. Every order ends with the review id so pages are stable.
/// </summary>
public static class ReviewOrdering
{
    public static IOrderedEnumerable<ReviewSortKey> Sort(IEnumerable<ReviewSortKey> reviews, ReviewOrder order)
    {
        var sorted = order switch
        {
            ReviewOrder.Helpfulness => reviews.OrderByDescending(r => r.Helpfulness)
                .ThenByDescending(r => r.HelpfulVotes + r.UnhelpfulVotes)
                .ThenByDescending(r => r.CreatedAt),
            ReviewOrder.Newest => reviews.OrderByDescending(r => r.CreatedAt),
            ReviewOrder.Oldest => reviews.OrderBy(r => r.CreatedAt),
            ReviewOrder.RatingHigh => reviews.OrderByDescending(r => r.Rating).ThenByDescending(r => r.CreatedAt),
            ReviewOrder.RatingLow => reviews.OrderBy(r => r.Rating).ThenByDescending(r => r.CreatedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, null),
        };
        return sorted.ThenBy(r => r.Id, StringComparer.Ordinal);
    }
}
