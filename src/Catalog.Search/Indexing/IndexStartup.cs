namespace Catalog.Search.Indexing;

/// <summary>
/// Whether the index has opened since the process started. The host serves (health, metrics) while the
/// store is prepared and the index is opened or rebuilt in the background; searches wait for this.
/// </summary>
public sealed class IndexStartup
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the index is open and caught up at start; faults when opening failed.</summary>
    public Task Opened => opened.Task;

    public bool IsOpen => opened.Task.IsCompletedSuccessfully;

    internal void MarkOpened() => opened.TrySetResult();

    internal void MarkFailed(Exception exception) => opened.TrySetException(exception);

    internal void MarkStopped() => opened.TrySetCanceled();
}
