namespace Catalog.Core.Changes;

public enum ChangeKind
{
    Title,
    Tags,
    Trailer,
    Review,
    Vote,
}

public enum ChangeOperation
{
    Upsert,
    Delete,
}

/// <summary>
/// One write to the store of record, appended in the same transaction as the write itself.
/// <see cref="Sequence"/> is monotonic; the index remembers the last sequence it applied.
/// </summary>
public sealed class ChangeLogEntry
{
    public long Sequence { get; set; }
    public ChangeKind Kind { get; set; }
    public ChangeOperation Operation { get; set; }

    /// <summary>The title whose search document the change affects.</summary>
    public required string TitleId { get; set; }

    /// <summary>The id of the changed row (title, trailer, review or "review/voter").</summary>
    public required string EntityId { get; set; }

    public DateTime At { get; set; }
}
