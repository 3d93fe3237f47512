using Microsoft.Extensions.Logging;

namespace Catalog.Search.Indexing;

/// <summary>The live index's log messages.</summary>
public sealed partial class CatalogIndex
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Index generation {Generation} cannot be opened")]
    private partial void LogUnreadable(Exception exception, string generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index generation {Generation} has applied change {Sequence}, beyond the store's change log")]
    private partial void LogAheadOfStore(string generation, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index generation {Generation} has applied change {Sequence}, but the change log was compacted through {Compacted} meanwhile: rebuilding")]
    private partial void LogBehindCompaction(string generation, long sequence, long compacted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No servable index in {Root}: rebuilding from the store")]
    private partial void LogRebuildingAtStart(string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted stale index generation {Generation}")]
    private partial void LogDeletedStale(string generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Index build into {Generation} failed; the current index keeps serving")]
    private partial void LogBuildFailed(Exception exception, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving index generation {Generation}: {Titles} titles at change {Sequence}")]
    private partial void LogSwapped(string generation, long titles, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing index generation {Generation} at shutdown failed; the next start replays the change log from its last commit")]
    private partial void LogFinalCommitFailed(Exception exception, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following the index pointer to generation {Generation}")]
    private partial void LogFollowedPointer(string generation);
}
