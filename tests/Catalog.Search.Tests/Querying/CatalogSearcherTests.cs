using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Facets;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Schema;
using Catalog.Search.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// State computed from a reader lives in its <see cref="CatalogSearcher"/> and goes with it; state of a segment is
/// keyed by the segment's core and survives a refresh that keeps the segment.
/// </summary>
public sealed class CatalogSearcherTests : IAsyncLifetime
{
    private SearchSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SearchSandbox.CreateAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task A_refreshed_reader_gets_fresh_per_reader_state_while_unchanged_segments_keep_their_columns()
    {
        await using var process = sandbox.Start();
        await process.Index.OpenAsync(CancellationToken.None);
        CatalogSearcher before;
        FacetOrdinals? genresBefore;
        Dictionary<object, long[]?> columnsBefore;
        using (var lease = process.Index.Acquire())
        {
            before = lease.Searcher;
            Assert.Same(lease.Searcher.Ranking, lease.Searcher.Ranking);
            genresBefore = before.FacetOrdinals(IndexFields.Genre);
            Assert.Same(genresBefore, before.FacetOrdinals(IndexFields.Genre));
            Assert.Equal(CatalogMean.Of(before.IndexReader), before.CatalogMean);
            columnsBefore = before.IndexReader.Leaves.ToDictionary(
                leaf => leaf.AtomicReader.CoreCacheKey, leaf => SegmentColumns.Longs(leaf.AtomicReader, IndexFields.AddedAt));
        }

        // One title gains many 1/10 votes: a new segment holds it, the old one only gains a deletion.
        await using (var db = process.Store.Create())
        {
            var title = await db.Titles.SingleAsync(t => t.Id == "robots-2005");
            (title.RatingSum, title.RatingCount) = (title.RatingSum + 10_000, title.RatingCount + 10_000);
            await db.SaveChangesAsync();
        }

        await process.Index.CatchUpAsync(CancellationToken.None);

        using var after = process.Index.Acquire();
        Assert.NotSame(before, after.Searcher);
        Assert.NotSame(before.Ranking, after.Searcher.Ranking);
        Assert.NotSame(genresBefore, after.Searcher.FacetOrdinals(IndexFields.Genre));
        Assert.Equal(CatalogMean.Of(after.Searcher.IndexReader), after.Searcher.CatalogMean);
        Assert.NotEqual(before.CatalogMean, after.Searcher.CatalogMean);
        var leaves = after.Searcher.IndexReader.Leaves;
        var kept = leaves.Where(leaf => columnsBefore.ContainsKey(leaf.AtomicReader.CoreCacheKey)).ToList();
        Assert.NotEmpty(kept);
        Assert.NotEqual(leaves.Count, kept.Count);
        foreach (var leaf in kept)
            Assert.Same(columnsBefore[leaf.AtomicReader.CoreCacheKey], SegmentColumns.Longs(leaf.AtomicReader, IndexFields.AddedAt));
    }
}
