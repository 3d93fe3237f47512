using Catalog.Core.Reviews;
using Catalog.Core.Titles;
using Catalog.Core.Titles.Rules;
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
        var text = TextRules.Optional(body) ?? throw WriteRejectedException.Invalid("body must not be empty.");
        if (TextRules.Problem(text, "body", Review.MaxBodyLength, multiline: true) is { } problem)
            throw WriteRejectedException.Invalid(problem + ".");

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
            CountIn(title, rating, reviews: 1);
        }
        else
        {
            CountIn(title, rating - review.Rating, reviews: 0);
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

    /// <summary>
    /// Deletes a review with its votes and takes its rating out of the title's aggregate. Authors may delete
    /// their own review; curators any (moderation).
    /// </summary>
    public async Task DeleteAsync(string callerId, bool isCurator, string reviewId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
            ?? throw WriteRejectedException.NotFound($"There is no review '{reviewId}'.");
        if (review.AuthorId != callerId && !isCurator)
            throw WriteRejectedException.Forbidden("Only its author or a curator can delete a review.");

        var title = await db.Titles.SingleAsync(t => t.Id == review.TitleId, cancellationToken);
        CountIn(title, -review.Rating, reviews: -1);
        // Removed explicitly (not left to the cascade) so the change log records every vote that goes.
        db.ReviewVotes.RemoveRange(await db.ReviewVotes.Where(v => v.ReviewId == reviewId).ToListAsync(cancellationToken));
        db.Reviews.Remove(review);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Adds many reviews with their votes in one transaction (the sample's demo reviews): each review's
    /// rating moves its title's aggregate exactly as <see cref="SubmitAsync"/> does, and its vote counts
    /// are those of its votes. The reviews must be new (no author has one on the title yet).
    /// </summary>
    public async Task AddManyAsync(IReadOnlyList<Review> reviews, IReadOnlyList<ReviewVote> votes, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var titleIds = reviews.Select(r => r.TitleId).Distinct(StringComparer.Ordinal).ToList();
        var titles = await db.Titles.Where(t => titleIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
        var votesByReview = votes.ToLookup(v => v.ReviewId, StringComparer.Ordinal);
        foreach (var review in reviews)
        {
            var title = titles.GetValueOrDefault(review.TitleId)
                ?? throw WriteRejectedException.NotFound($"There is no title '{review.TitleId}'.");
            review.HelpfulVotes = votesByReview[review.Id].Count(v => v.Helpful);
            review.UnhelpfulVotes = votesByReview[review.Id].Count(v => !v.Helpful);
            CountIn(title, review.Rating, reviews: 1);
        }

        db.Reviews.AddRange(reviews);
        db.ReviewVotes.AddRange(votes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Reviews count in the title's rating: the aggregate and its reviews' share move together.</summary>
    private static void CountIn(Title title, int ratingChange, int reviews)
    {
        title.RatingSum += ratingChange;
        title.RatingCount += reviews;
        title.ReviewRatingSum += ratingChange;
        title.ReviewRatingCount += reviews;
    }
}
