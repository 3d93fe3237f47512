using System.Runtime.CompilerServices;
using Catalog.Core.Changes;
using Catalog.Core.Feed;
using Catalog.Core.Titles;

namespace Catalog.Search.Tests.Fixtures;

/// <summary>
/// The real store feed with hooks run before each title of a full scan and before each change-log read
/// (to fail or to race the index).
/// </summary>
public sealed class HookedFeed(ITitleFeed inner, Func<int, Task> beforeTitle, Func<Task>? beforeChanges = null) : ITitleFeed
{
    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => inner.LatestSequenceAsync(cancellationToken);

    public Task<long> CompactedThroughAsync(CancellationToken cancellationToken) => inner.CompactedThroughAsync(cancellationToken);

    public Task<int> CountTitlesAsync(CancellationToken cancellationToken) => inner.CountTitlesAsync(cancellationToken);

    public async IAsyncEnumerable<Title> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = 0;
        await foreach (var title in inner.ReadAllAsync(cancellationToken))
        {
            await beforeTitle(read++);
            yield return title;
        }
    }

    public async Task<IReadOnlyList<ChangeLogEntry>> ChangesAfterAsync(long sequence, int max, CancellationToken cancellationToken)
    {
        if (beforeChanges is not null)
            await beforeChanges();
        return await inner.ChangesAfterAsync(sequence, max, cancellationToken);
    }

    public Task<IReadOnlyList<Title>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.LoadAsync(ids, cancellationToken);
}
