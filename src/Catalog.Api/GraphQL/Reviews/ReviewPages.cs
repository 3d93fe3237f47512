using Catalog.Core.Reviews;

namespace Catalog.Api.GraphQL.Reviews;

/// <summary>Which page of which title's reviews; <see cref="Offset"/> is the position of the first review.</summary>
public sealed record ReviewPageKey(string TitleId, ReviewOrder Order, int First, int Offset);

public sealed record ReviewPage(int TotalCount, int Offset, IReadOnlyList<Review> Reviews, bool HasNextPage);

/// <summary>Cuts a page out of a title's reviews in the order <see cref="ReviewOrdering"/> decides.</summary>
public static class ReviewPages
{
    public static (int TotalCount, IReadOnlyList<string> Ids, bool HasNextPage) Slice(IEnumerable<ReviewSortKey> reviews, ReviewPageKey page)
    {
        var all = ReviewOrdering.Sort(reviews, page.Order).Select(r => r.Id).ToList();
        var ids = all.Skip(page.Offset).Take(page.First).ToList();
        return (all.Count, ids, page.Offset + ids.Count < all.Count);
    }
}
