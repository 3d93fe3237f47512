using System.Runtime.CompilerServices;
using Catalog.Core.Changes;
using Catalog.Core.Feed;
using Catalog.Core.Titles;

namespace Catalog.Benchmarks.Systems;

/// <summary>The generated titles as the index's input, straight from memory: measures the index build alone, without the store.</summary>
internal sealed class ListTitleFeed(IReadOnlyList<Title> titles) : ITitleFeed
{
    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<long> CompactedThroughAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<int> CountTitlesAsync(CancellationToken cancellationToken) => Task.FromResult(titles.Count);

    public async IAsyncEnumerable<Title> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var title in titles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return title;
        }
    }

    public Task<IReadOnlyList<ChangeLogEntry>> ChangesAfterAsync(long sequence, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChangeLogEntry>>([]);

    public Task<IReadOnlyList<Title>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Title>>([]);
}
