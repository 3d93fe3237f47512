using Catalog.Core.Changes;
using Catalog.Core.Titles;

namespace Catalog.Core.Feed;

/// <summary>What the index reads from the store of record.</summary>
public interface ITitleFeed
{
    /// <summary>The newest change-log sequence (0 when the log is empty).</summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The highest change-log sequence compaction has deleted (0 when none): an index behind it rebuilds.</summary>
    Task<long> CompactedThroughAsync(CancellationToken cancellationToken);

    Task<int> CountTitlesAsync(CancellationToken cancellationToken);

    /// <summary>Every title with its trailers, ordered by id, read in pages.</summary>
    IAsyncEnumerable<Title> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Change-log entries after <paramref name="sequence"/>, oldest first.</summary>
    Task<IReadOnlyList<ChangeLogEntry>> ChangesAfterAsync(long sequence, int max, CancellationToken cancellationToken);

    /// <summary>The titles among <paramref name="ids"/> that still exist, with their trailers.</summary>
    Task<IReadOnlyList<Title>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
