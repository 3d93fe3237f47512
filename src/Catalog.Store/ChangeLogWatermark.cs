namespace Catalog.Store;

/// <summary>
/// The one row that records how far <see cref="ChangeLogCompactor"/> has deleted the change log. A replica
/// whose index applied less than <see cref="CompactedThrough"/> was away while entries it never read were
/// deleted, and rebuilds instead of catching up (see docs/change-log.md).
/// </summary>
public sealed class ChangeLogWatermark
{
    /// <summary>Key of the single row, inserted by the migration that created the table.</summary>
    public const int RowId = 1;

    public int Id { get; set; }

    /// <summary>The highest sequence compaction has deleted; 0 when it never deleted anything.</summary>
    public long CompactedThrough { get; set; }
}
