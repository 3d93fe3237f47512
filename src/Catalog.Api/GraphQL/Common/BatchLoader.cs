using GraphQL.DataLoader;

namespace Catalog.Api.GraphQL.Common;

/// <summary>
/// Per-request batching without GraphQL.DataLoader: resolvers queue keys and return a deferred result;
/// the execution strategy awaits deferred results only after the whole level is resolved, so the first
/// await fetches every key queued so far in one call. Keys queued after a fetch started go to the next batch.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock gate = new();
    private Batch? open;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (gate)
        {
            open ??= new Batch(this);
            open.Keys.Add(key);
            return new Pending(open, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (batch.Fetching is null)
            {
                if (ReferenceEquals(open, batch))
                    open = null;
                batch.Fetching = fetch(batch.Keys, cancellationToken);
            }

            return batch.Fetching;
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        public HashSet<TKey> Keys { get; } = [];
        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetching { get; set; }
        public BatchLoader<TKey, TValue> Owner => owner;
    }

    private sealed class Pending(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.Owner.Dispatch(batch, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

public static class DeferredResults
{
    /// <summary>Maps a deferred result once it is available (the execution strategy awaits the outer one).</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> source, Func<TIn, TOut> map) =>
        new Mapped<TIn, TOut>(source, map);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> source, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await source.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
