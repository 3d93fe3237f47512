using Catalog.Core.Ranking;
using Catalog.Core.Reviews;

namespace Catalog.Api.GraphQL.Reviews;

public enum ReviewOrder
{
    Helpfulness,
    Newest,
    Oldest,
    RatingHigh,
    RatingLow,
}

/// <summary>Which page of which title's reviews; <see cref="Offset"/> is the position of the first review.</summary>
public sealed record ReviewPageKey(string TitleId, ReviewOrder Order, int First, int Offset);

public sealed record ReviewPage(int TotalCount, int Offset, IReadOnlyList<Review> Reviews, bool HasNextPage);

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

    public static (int TotalCount, IReadOnlyList<string> Ids, bool HasNextPage) Slice(IEnumerable<ReviewSortKey> reviews, ReviewPageKey page)
    {
        var all = Sort(reviews, page.Order).Select(r => r.Id).ToList();
        var ids = all.Skip(page.Offset).Take(page.First).ToList();
        return (all.Count, ids, page.Offset + ids.Count < all.Count);
    }
}
