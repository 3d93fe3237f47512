using Catalog.Api.GraphQL.Common;
using Catalog.Core.Reviews;
using Catalog.Store;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.GraphQL.Reviews;

/// <summary>Per-request review reads, batched across the titles of a page.</summary>
public sealed class ReviewReader
{
    private readonly ICatalogDbFactory factory;
    private readonly BatchLoader<string, Review> byId;
    private readonly BatchLoader<ReviewPageKey, ReviewPage> pages;
    private readonly BatchLoader<ViewerItemKey, Review> viewerReviews;
    private readonly BatchLoader<ViewerItemKey, ReviewVote> viewerVotes;

    public ReviewReader(ICatalogDbFactory factory)
    {
        this.factory = factory;
        byId = new BatchLoader<string, Review>(LoadAsync);
        pages = new BatchLoader<ReviewPageKey, ReviewPage>(LoadPagesAsync);
        viewerReviews = new BatchLoader<ViewerItemKey, Review>(LoadViewerReviewsAsync);
        viewerVotes = new BatchLoader<ViewerItemKey, ReviewVote>(LoadViewerVotesAsync);
    }

    public IDataLoaderResult<Review?> Find(string id) => byId.Load(id);

    /// <summary>A page of a title's reviews, fetched together with the pages of every other title at this level.</summary>
    public IDataLoaderResult<ReviewPage?> Page(ReviewPageKey key) => pages.Load(key);

    /// <summary>The viewer's own review of a title, fetched together with the other titles at this level.</summary>
    public IDataLoaderResult<Review?> ViewerReview(string viewerId, string titleId) => viewerReviews.Load(new ViewerItemKey(viewerId, titleId));

    /// <summary>The viewer's vote on a review, fetched together with the other reviews at this level.</summary>
    public IDataLoaderResult<ReviewVote?> ViewerVote(string viewerId, string reviewId) => viewerVotes.Load(new ViewerItemKey(viewerId, reviewId));

    private async Task<IReadOnlyDictionary<string, Review>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var reviews = await db.Reviews.TagWith(QueryTags.Reviews).AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return reviews.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Two queries for any number of titles: the sort keys of all their reviews (ordered here, because
    /// the Wilson bound is not portable SQL), then the full rows of just the reviews on the pages.
    /// </summary>
    private async Task<IReadOnlyDictionary<ReviewPageKey, ReviewPage>> LoadPagesAsync(
        IReadOnlyCollection<ReviewPageKey> keys, CancellationToken cancellationToken)
    {
        var titleIds = keys.Select(k => k.TitleId).Distinct(StringComparer.Ordinal).ToList();
        await using var db = factory.Create();
        var sortKeys = await db.Reviews.TagWith(QueryTags.ReviewSortKeys).AsNoTracking()
            .Where(r => titleIds.Contains(r.TitleId))
            .Select(r => new ReviewSortKey(r.Id, r.TitleId, r.Rating, r.CreatedAt, r.HelpfulVotes, r.UnhelpfulVotes))
            .ToListAsync(cancellationToken);
        var byTitle = sortKeys.ToLookup(k => k.TitleId, StringComparer.Ordinal);

        var slices = keys.ToDictionary(k => k, k => ReviewPages.Slice(byTitle[k.TitleId], k));
        var pageIds = slices.Values.SelectMany(s => s.Ids).Distinct(StringComparer.Ordinal).ToList();
        var rows = pageIds.Count == 0
            ? new Dictionary<string, Review>()
            : await db.Reviews.TagWith(QueryTags.Reviews).AsNoTracking().Where(r => pageIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken);

        return slices.ToDictionary(
            s => s.Key,
            s => new ReviewPage(s.Value.TotalCount, s.Key.Offset, [.. s.Value.Ids.Where(rows.ContainsKey).Select(id => rows[id])], s.Value.HasNextPage));
    }

    private async Task<IReadOnlyDictionary<ViewerItemKey, Review>> LoadViewerReviewsAsync(
        IReadOnlyCollection<ViewerItemKey> keys, CancellationToken cancellationToken)
    {
        var (viewers, titleIds) = ViewerItemKey.Split(keys);
        await using var db = factory.Create();
        var reviews = await db.Reviews.TagWith(QueryTags.ViewerReviews).AsNoTracking()
            .Where(r => viewers.Contains(r.AuthorId) && titleIds.Contains(r.TitleId))
            .ToListAsync(cancellationToken);
        return reviews.ToDictionary(r => new ViewerItemKey(r.AuthorId, r.TitleId));
    }

    private async Task<IReadOnlyDictionary<ViewerItemKey, ReviewVote>> LoadViewerVotesAsync(
        IReadOnlyCollection<ViewerItemKey> keys, CancellationToken cancellationToken)
    {
        var (viewers, reviewIds) = ViewerItemKey.Split(keys);
        await using var db = factory.Create();
        var votes = await db.ReviewVotes.TagWith(QueryTags.ViewerVotes).AsNoTracking()
            .Where(v => viewers.Contains(v.VoterId) && reviewIds.Contains(v.ReviewId))
            .ToListAsync(cancellationToken);
        return votes.ToDictionary(v => new ViewerItemKey(v.VoterId, v.ReviewId));
    }
}

/// <summary>A viewer and one title or review; a request has one viewer, so a batch is one viewer and many items.</summary>
public sealed record ViewerItemKey(string ViewerId, string ItemId)
{
    public static (List<string> Viewers, List<string> Items) Split(IReadOnlyCollection<ViewerItemKey> keys) =>
        ([.. keys.Select(k => k.ViewerId).Distinct(StringComparer.Ordinal)], [.. keys.Select(k => k.ItemId).Distinct(StringComparer.Ordinal)]);
}
