using Catalog.Core.Search;

namespace Catalog.Api.Http;

/// <summary>What the store held as seen from this replica: the served index's version and this replica's writes.</summary>
public readonly record struct StoreGeneration(IndexVersion Index, long Writes);

/// <summary>
/// The mutations this replica is running and has run, and with the served index's version the
/// <see cref="StoreGeneration"/> that caches of what the store held (answers, titles) key their entries by. The write
/// count moves when a mutation starts and again when it ends, so nothing read before or during a write here is served
/// after it. Writes made elsewhere arrive through the change log and move the index version instead.
/// </summary>
public sealed class ReplicaWrites(IServiceProvider services)
{
    private readonly IIndexVersion? index = services.GetService<IIndexVersion>();
    private long epoch;
    private int running;

    /// <summary>The generation now, read before the store is; null while no index is open.</summary>
    public StoreGeneration? Generation => index?.Version is { } version ? new(version, Interlocked.Read(ref epoch)) : null;

    /// <summary>Whether a mutation is running on this replica now.</summary>
    public bool Writing => Volatile.Read(ref running) > 0;

    /// <summary>Marks a mutation running until the returned scope is disposed.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref running);
        Interlocked.Increment(ref epoch);
        return new Scope(this);
    }

    private sealed class Scope(ReplicaWrites writes) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
                return;
            Interlocked.Increment(ref writes.epoch);
            Interlocked.Decrement(ref writes.running);
        }
    }
}
