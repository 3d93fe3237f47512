namespace Catalog.Search.Indexing;

/// <summary>What readiness checks and metrics need to know about the live index.</summary>
public interface IIndexHealth
{
    /// <summary>True once an index is open and has applied every change seen in the store's change log.</summary>
    bool IsReady { get; }

    /// <summary>Last change-log sequence the served index has applied (and committed).</summary>
    long AppliedSequence { get; }

    /// <summary>Change-log entries known in the store but not yet applied (as of the last poll).</summary>
    long Lag { get; }

    /// <summary>Documents in the served index.</summary>
    int DocumentCount { get; }

    /// <summary>Bytes of the served index's files on disk.</summary>
    long SizeBytes { get; }
}
