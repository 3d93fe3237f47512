using Catalog.Search.Querying.Execution;
using Lucene.Net.Search;

namespace Catalog.Search.Indexing;

/// <summary>
/// Hands out the live index's searcher. The indexing side owns refresh, rebuild and swap; the query side
/// only acquires and releases. A rebuild never exposes an empty or half-built index to readers.
/// </summary>
public interface ISearcherSource
{
    SearcherLease Acquire();
}

/// <summary>A searcher held for the duration of one query; dispose it to release the reader.</summary>
public readonly struct SearcherLease(CatalogSearcher searcher, Action<IndexSearcher> release) : IDisposable
{
    public CatalogSearcher Searcher { get; } = searcher;

    public void Dispose() => release(Searcher);
}
