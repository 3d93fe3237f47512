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

    public ReviewReader(ICatalogDbFactory factory)
    {
        this.factory = factory;
        byId = new BatchLoader<string, Review>(LoadAsync);
        pages = new BatchLoader<ReviewPageKey, ReviewPage>(LoadPagesAsync);
    }

    public IDataLoaderResult<Review?> Find(string id) => byId.Load(id);

    /// <summary>A page of a title's reviews, fetched together with the pages of every other title at this level.</summary>
    public IDataLoaderResult<ReviewPage?> Page(ReviewPageKey key) => pages.Load(key);

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

        var slices = keys.ToDictionary(k => k, k => ReviewOrdering.Slice(byTitle[k.TitleId], k));
        var pageIds = slices.Values.SelectMany(s => s.Ids).Distinct(StringComparer.Ordinal).ToList();
        var rows = pageIds.Count == 0
            ? new Dictionary<string, Review>()
            : await db.Reviews.TagWith(QueryTags.Reviews).AsNoTracking().Where(r => pageIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken);

        return slices.ToDictionary(
            s => s.Key,
            s => new ReviewPage(s.Value.TotalCount, s.Key.Offset, [.. s.Value.Ids.Where(rows.ContainsKey).Select(id => rows[id])], s.Value.HasNextPage));
    }
}
