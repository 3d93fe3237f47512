using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Indexing;

/// <summary>Readers are served with their columns decoded: the first query after open or after an edit does not pay for it.</summary>
public sealed class ReaderWarmingTests : IAsyncLifetime
{
    private SearchSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SearchSandbox.CreateAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task The_opened_reader_and_the_segment_an_edit_adds_are_decoded_before_any_query()
    {
        await using var process = sandbox.Start();
        await process.Index.OpenAsync(CancellationToken.None);
        AssertAllDecoded(process);

        await process.RenameAsync("robots-2005", "Robots Reloaded");
        await process.Index.CatchUpAsync(CancellationToken.None);
        AssertAllDecoded(process);
    }

    private static void AssertAllDecoded(SearchProcess process)
    {
        using var lease = process.Index.Acquire();
        Assert.NotEmpty(lease.Searcher.IndexReader.Leaves);
        foreach (var leaf in lease.Searcher.IndexReader.Leaves)
        {
            Assert.True(SegmentColumns.IsDecoded(leaf.AtomicReader, IndexFields.AddedAt), $"{leaf.AtomicReader} added-at column");
            Assert.True(SegmentColumns.IsDecoded(leaf.AtomicReader, IndexFields.Genre), $"{leaf.AtomicReader} genre column");
        }
    }
}
