using Catalog.Core.Changes;
using Catalog.Core.Reviews;
using Catalog.Core.Titles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Catalog.Store;

/// <summary>Turns the pending writes of a save into change-log rows (saved by the same SaveChanges).</summary>
internal static class ChangeLogRecorder
{
    public static async Task RecordAsync(CatalogDbContext context, CancellationToken cancellationToken)
    {
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var pending = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        Dictionary<string, string>? trackedReviewTitles = null;
        foreach (var entry in pending)
        {
            var operation = entry.State == EntityState.Deleted ? ChangeOperation.Delete : ChangeOperation.Upsert;
            var change = entry.Entity switch
            {
                Title title => TitleChange(entry, title, now),
                Trailer trailer => (ChangeKind.Trailer, trailer.TitleId, trailer.Id),
                Review review => (ChangeKind.Review, review.TitleId, review.Id),
                ReviewVote vote => (ChangeKind.Vote, await TitleOfReviewAsync(context, trackedReviewTitles ??= TrackedReviewTitles(context), vote.ReviewId, cancellationToken), $"{vote.ReviewId}/{vote.VoterId}"),
                _ => ((ChangeKind, string, string)?)null,
            };
            if (change is var (kind, titleId, entityId))
            {
                context.ChangeLog.Add(new ChangeLogEntry
                {
                    Kind = kind, Operation = operation, TitleId = titleId, EntityId = entityId, At = now,
                });
            }
        }
    }

    /// <summary>
    /// The change-log rows of a title inserted without the change tracker (the import's bulk path): the same
    /// rows a save of the title and its trailers appends; stamps the title's UpdatedAt like a save.
    /// </summary>
    public static IEnumerable<ChangeLogEntry> NewTitle(Title title, DateTime now)
    {
        title.UpdatedAt = now;
        yield return new ChangeLogEntry { Kind = ChangeKind.Title, Operation = ChangeOperation.Upsert, TitleId = title.Id, EntityId = title.Id, At = now };
        foreach (var trailer in title.Trailers)
            yield return new ChangeLogEntry { Kind = ChangeKind.Trailer, Operation = ChangeOperation.Upsert, TitleId = title.Id, EntityId = trailer.Id, At = now };
    }

    private static (ChangeKind, string, string) TitleChange(EntityEntry entry, Title title, DateTime now)
    {
        if (entry.State != EntityState.Deleted)
            title.UpdatedAt = now;
        var onlyTags = entry.State == EntityState.Modified
            && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(Title.Tags) or nameof(Title.UpdatedAt));
        return (onlyTags ? ChangeKind.Tags : ChangeKind.Title, title.Id, title.Id);
    }

    /// <summary>
    /// Built once per save: looking each vote's review up in <c>DbSet.Local</c> runs change detection over
    /// every tracked row per vote, which made a save of thousands of votes take minutes.
    /// </summary>
    private static Dictionary<string, string> TrackedReviewTitles(CatalogDbContext context) =>
        context.ChangeTracker.Entries<Review>().ToDictionary(e => e.Entity.Id, e => e.Entity.TitleId, StringComparer.Ordinal);

    private static async Task<string> TitleOfReviewAsync(
        CatalogDbContext context, Dictionary<string, string> trackedReviewTitles, string reviewId, CancellationToken cancellationToken) =>
        trackedReviewTitles.GetValueOrDefault(reviewId) ?? await context.Reviews.Where(r => r.Id == reviewId)
            .Select(r => r.TitleId).SingleAsync(cancellationToken);
}
