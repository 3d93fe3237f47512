using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Catalog.Store;

/// <summary>
/// Wakes in-process readers of the change log (the index's catch-up loop) as soon as a write commits,
/// so an edit need not wait for their next poll. Writes made by other processes are still found by polling.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource next = NewSource();

    /// <summary>Completes when the next transaction commits after this was read.</summary>
    public Task NextCommit => Volatile.Read(ref next).Task;

    public void Notify() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Notifies <see cref="ChangeSignal"/> after every committed transaction. Every store write commits one
/// (<see cref="CatalogDbContext.SaveChangesAsync(bool, CancellationToken)"/> opens it when the caller has
/// none), and the change-log rows are in it; a commit that logged nothing only costs the reader one query.
/// </summary>
internal sealed class ChangeSignalInterceptor(ChangeSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
