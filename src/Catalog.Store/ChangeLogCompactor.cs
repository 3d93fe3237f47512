using Microsoft.EntityFrameworkCore;

namespace Catalog.Store;

/// <summary>
/// Deletes change-log entries older than <see cref="StoreOptions.ChangeLogRetention"/> that are superseded:
/// a later entry for the same title exists. The index reloads whole titles, so only the newest entry per
/// title carries information; a vote-heavy log shrinks to about one entry per title.
/// <para>
/// Why a reader tailing the log meanwhile never misses a needed entry: a reader at sequence p must, for every
/// title changed after p, reload that title after its last change. Compaction deletes an entry only while a
/// later entry for the same title exists, and never the newest one per title (nothing is later), so by
/// induction the title's newest entry, which is after p, stays readable. Whether the reader's query sees the
/// deleted entry or not, it meets that newest entry at or before the end of the log and reloads the title
/// then, reading the store as of that moment. Entries are only appended or compacted, so an entry found
/// superseded stays superseded between the query that picks it and the delete.
/// </para>
/// Each batch is its own short transaction (on PostgreSQL it takes the write lock, so compaction on several
/// replicas and the writers interleave per batch) and raises the <see cref="ChangeLogWatermark"/> with it.
/// </summary>
public sealed class ChangeLogCompactor(ICatalogDbFactory factory, StoreOptions options, TimeProvider clock)
{
    /// <summary>Compacts until nothing qualifies; returns the number of entries deleted.</summary>
    public async Task<long> CompactAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.ChangeLogRetention;
        long deleted = 0;
        while (true)
        {
            await using var db = factory.Create();
            var batch = await db.ChangeLog.AsNoTracking()
                .Where(e => e.At < cutoff && db.ChangeLog.Any(later => later.TitleId == e.TitleId && later.Sequence > e.Sequence))
                .OrderBy(e => e.Sequence).Select(e => e.Sequence)
                .Take(options.ChangeLogCompactionBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return deleted;

            var highest = batch[^1];
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                deleted += await db.ChangeLog.Where(e => batch.Contains(e.Sequence)).ExecuteDeleteAsync(cancellationToken);
                await db.CompactionWatermark.Where(w => w.CompactedThrough < highest)
                    .ExecuteUpdateAsync(w => w.SetProperty(x => x.CompactedThrough, highest), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (batch.Count < options.ChangeLogCompactionBatchSize)
                return deleted;
        }
    }
}
