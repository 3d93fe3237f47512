using Catalog.Api.Http;
using Catalog.Core.Titles;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Catalog.Api.GraphQL.Titles;

/// <summary>
/// Titles read from the store, shared by the requests that follow while the <see cref="StoreGeneration"/> stays the
/// same: a search page's cards cost a store read (after the search itself, the largest part of a search request's
/// CPU; docs/http-cost.md) and popular titles are on many pages. A title is kept under the generation read before the
/// store was, and served only while the generation is still that one. The store commits a change before the index
/// applies it, and a mutation on this replica moves the generation when it starts and when it ends
/// (<see cref="ReplicaWrites"/>), so no title is served after a write it may have missed has reached the index (the
/// response cache's rule too). While a mutation runs, or no index is open, every read goes to the store.
/// </summary>
public sealed class TitleCache : IDisposable
{
    private readonly ReplicaWrites writes;
    private readonly MemoryCache? entries;
    private Seen? lastSeen;

    public TitleCache(IOptions<GraphQLHttpOptions> options, ReplicaWrites writes)
    {
        this.writes = writes;
        if (options.Value.TitleCacheEntries > 0)
            entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.TitleCacheEntries });
    }

    /// <summary>
    /// The generation now, to take before reading the store; null when titles must come from the store and not be kept.
    /// When it has moved, the entries kept under the last one are dropped: none of them can be served any more.
    /// </summary>
    public StoreGeneration? Current()
    {
        if (entries is null || writes.Writing || writes.Generation is not { } now)
            return null;
        var seen = Volatile.Read(ref lastSeen);
        if (seen?.Generation == now)
            return now;
        Volatile.Write(ref lastSeen, new Seen(now));
        if (seen is not null)
            entries.Clear();
        return now;
    }

    /// <summary>The title <paramref name="id"/> kept under <paramref name="generation"/>, if any.</summary>
    public bool TryGet(string id, StoreGeneration generation, out Title title)
    {
        if (entries!.TryGetValue(id, out Entry? entry) && entry!.Generation == generation)
        {
            title = entry.Title;
            return true;
        }

        title = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="title"/>, read from the store after <paramref name="generation"/> was taken.</summary>
    public void Add(Title title, StoreGeneration generation) =>
        entries!.Set(title.Id, new Entry(title, generation), new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => entries?.Dispose();

    private sealed record Entry(Title Title, StoreGeneration Generation);

    private sealed record Seen(StoreGeneration Generation);
}
