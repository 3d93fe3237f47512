namespace Catalog.Core.Feed;

/// <summary>
/// Wakes in-process readers of the change log (the index's catch-up loop) as soon as a write in this process
/// commits, so an edit need not wait for their next poll. Writes made by other processes are found by polling.
/// </summary>
public interface IChangeSignal
{
    /// <summary>Completes when the next transaction commits after this was read.</summary>
    Task NextCommit { get; }
}
