using Microsoft.EntityFrameworkCore;

namespace Catalog.Store;

/// <summary>
/// The change log's size and bounds: entries retained, the oldest and newest retained sequence (0 when empty)
/// and the compaction watermark (the highest sequence compaction deleted).
/// </summary>
public sealed record ChangeLogStatistics(long Entries, long Oldest, long Newest, long CompactedThrough)
{
    public static async Task<ChangeLogStatistics> ComputeAsync(CatalogDbContext db, CancellationToken cancellationToken) => new(
        await db.ChangeLog.LongCountAsync(cancellationToken),
        await db.ChangeLog.MinAsync(c => (long?)c.Sequence, cancellationToken) ?? 0,
        await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0,
        await CompactedThroughAsync(db, cancellationToken));

    public static async Task<long> CompactedThroughAsync(CatalogDbContext db, CancellationToken cancellationToken) =>
        await db.CompactionWatermark.Select(w => (long?)w.CompactedThrough).SingleOrDefaultAsync(cancellationToken) ?? 0;
}
