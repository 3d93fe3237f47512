using System.Collections.Concurrent;
using Catalog.Core.Titles;
using Catalog.Search.Indexing;

namespace Catalog.Search.Tests.Indexing;

public sealed class BuildPipelineTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 5)]
    public async Task Every_title_is_indexed_once_and_the_last_batches_come_after_the_one_signal(int threads, int batches)
    {
        var titles = Titles((BuildPipeline.BatchSize * (batches - 1)) + 3);
        var events = new ConcurrentQueue<string>();
        var indexed = new ConcurrentBag<string>();

        var processed = await BuildPipeline.RunAsync(
            titles.ToAsyncEnumerable(),
            batch =>
            {
                events.Enqueue("batch");
                foreach (var title in batch)
                    indexed.Add(title.Id);
            },
            () => events.Enqueue("last"),
            threads,
            _ => { },
            CancellationToken.None);

        Assert.Equal(titles.Count, processed);
        Assert.Equal(titles.Select(t => t.Id).Order(), indexed.Order());
        var order = events.ToList();
        Assert.Single(order, e => e == "last");
        // Each thread that received batches holds its last one back until the signal.
        var afterSignal = order.Count - 1 - order.IndexOf("last");
        Assert.InRange(afterSignal, 1, Math.Min(threads, batches));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_failing_batch_fails_the_build_without_leaving_threads_waiting_for_the_last_batches()
    {
        var titles = Titles(BuildPipeline.BatchSize * 4);
        var calls = 0;

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => BuildPipeline.RunAsync(
            titles.ToAsyncEnumerable(),
            _ =>
            {
                if (Interlocked.Increment(ref calls) == 2)
                    throw new InvalidDataException("bad title");
            },
            () => { },
            2,
            _ => { },
            CancellationToken.None));
        Assert.Equal("bad title", failure.Message);
    }

    private static List<Title> Titles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Title { Id = $"title-{i:D6}", Name = $"Title {i}" })];
}
