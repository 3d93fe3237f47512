using Catalog.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Writes;

public sealed record ReviewAuthor(string Id, string DisplayName);

/// <summary>
/// Viewer writes on reviews. Each write is one transaction: the review or vote, the aggregates it moves
/// and the change-log rows commit together. Transactions take the write lock up front (SQLite's BEGIN
/// IMMEDIATE, <see cref="PostgresWriteLock"/>), so concurrent writers queue instead of losing updates.
/// </summary>
public sealed class ReviewService(CatalogDbContext db)
{
    public const int MinRating = 1;
    public const int MaxRating = 10;

    /// <summary>
    /// One review per viewer per title: a second submit replaces the viewer's rating and text (keeping
    /// its votes and creation time) and moves the title's rating aggregate by the difference.
    /// </summary>
    public async Task<Review> SubmitAsync(ReviewAuthor author, string titleId, int rating, string? body, CancellationToken cancellationToken = default)
    {
        if (rating is < MinRating or > MaxRating)
            throw WriteRejectedException.Invalid($"rating must be a whole number from {MinRating} to {MaxRating} (got {rating}).");
        var text = TextRules.Clean(body, "body", Review.MaxBodyLength, multiline: true);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var title = await db.Titles.SingleOrDefaultAsync(t => t.Id == titleId, cancellationToken)
            ?? throw WriteRejectedException.NotFound($"There is no title '{titleId}'.");
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.TitleId == titleId && r.AuthorId == author.Id, cancellationToken);
        if (review is null)
        {
            review = new Review
            {
                Id = ReviewIds.New(), TitleId = titleId, AuthorId = author.Id, AuthorName = author.DisplayName,
                Rating = rating, Body = text, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
            db.Reviews.Add(review);
            title.RatingSum += rating;
            title.RatingCount += 1;
            title.ReviewRatingSum += rating;
            title.ReviewRatingCount += 1;
        }
        else
        {
            title.RatingSum += rating - review.Rating;
            title.ReviewRatingSum += rating - review.Rating;
            review.Rating = rating;
            review.Body = text;
            review.AuthorName = author.DisplayName;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return review;
    }

    /// <summary>
    /// One vote per viewer per review; voting again replaces the vote. Authors cannot vote on their own
    /// review. The review's counts are recounted from the vote rows in the same transaction, so they
    /// always equal the rows however many viewers vote at once.
    /// </summary>
    public async Task<Review> VoteAsync(string voterId, string reviewId, bool helpful, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
            ?? throw WriteRejectedException.NotFound($"There is no review '{reviewId}'.");
        if (review.AuthorId == voterId)
            throw WriteRejectedException.Invalid("You cannot vote on your own review.");

        var vote = await db.ReviewVotes.SingleOrDefaultAsync(v => v.ReviewId == reviewId && v.VoterId == voterId, cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (vote is null)
            db.ReviewVotes.Add(new ReviewVote { ReviewId = reviewId, VoterId = voterId, Helpful = helpful, CastAt = now });
        else
            (vote.Helpful, vote.CastAt) = (helpful, now);
        await db.SaveChangesAsync(cancellationToken);

        var counts = await db.ReviewVotes.Where(v => v.ReviewId == reviewId)
            .GroupBy(v => v.Helpful)
            .Select(g => new { Helpful = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        review.HelpfulVotes = counts.Where(c => c.Helpful).Sum(c => c.Count);
        review.UnhelpfulVotes = counts.Where(c => !c.Helpful).Sum(c => c.Count);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return review;
    }
}
