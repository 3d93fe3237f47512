namespace Catalog.Search.Indexing;

/// <summary>What readiness checks and metrics need to know about the live index.</summary>
public interface IIndexHealth
{
    /// <summary>
    /// True once an index is open, its last catch-up succeeded, and the oldest change it has not applied is at
    /// most <see cref="SearchOptions.ReadyMaxLag"/> old (as of the last measurement).
    /// </summary>
    bool IsReady { get; }

    /// <summary>Last change-log sequence the served index has applied (and committed).</summary>
    long AppliedSequence { get; }

    /// <summary>Change-log sequences in the store beyond the applied one (as of the last measurement or catch-up).</summary>
    long Lag { get; }

    /// <summary>Age, by the catalog clock, of the oldest change not yet applied; zero when caught up.</summary>
    TimeSpan LagTime { get; }

    /// <summary>Documents in the served index.</summary>
    int DocumentCount { get; }

    /// <summary>Bytes of the served index's files on disk.</summary>
    long SizeBytes { get; }

    /// <summary>Reads the store's change log now so <see cref="Lag"/>, <see cref="LagTime"/> and <see cref="IsReady"/> are current.</summary>
    Task MeasureLagAsync(CancellationToken cancellationToken);
}
