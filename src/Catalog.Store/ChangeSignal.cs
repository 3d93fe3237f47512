using System.Data.Common;
using Catalog.Core.Feed;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Catalog.Store;

/// <summary>The store's <see cref="IChangeSignal"/>: notified by every committed transaction in this process.</summary>
public sealed class ChangeSignal : IChangeSignal
{
    private TaskCompletionSource next = NewSource();

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
