namespace Catalog.Api.Http;

/// <summary>
/// The mutations this replica is running and has run. Caches of what the store held (answers, titles) key their
/// entries by <see cref="Epoch"/>, which moves when a mutation starts and again when it ends, so nothing read before or
/// during a write here is served after it; while one runs they read the store itself. Writes made elsewhere
/// arrive through the change log and move the index version instead.
/// </summary>
public sealed class ReplicaWrites
{
    private long epoch;
    private int running;

    public long Epoch => Interlocked.Read(ref epoch);

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
