using System.Runtime.CompilerServices;
using Catalog.Core.Changes;
using Catalog.Core.Feed;
using Catalog.Core.Titles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Feed;

/// <summary>
/// Reads the index's input from the store with short-lived, untracked contexts; a full read goes in pages of
/// <paramref name="pageSize"/> titles (the index's <c>Catalog:Search:BuildPageSize</c>).
/// </summary>
public sealed class StoreTitleFeed(ICatalogDbFactory factory, int pageSize) : ITitleFeed
{
    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;
    }

    public async Task<long> CompactedThroughAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await ChangeLogStatistics.CompactedThroughAsync(db, cancellationToken);
    }

    public async Task<int> CountTitlesAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.Titles.CountAsync(cancellationToken);
    }

    /// <summary>Keyset pages (id greater than the last one seen), so a long build never holds one huge query open.</summary>
    public async IAsyncEnumerable<Title> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            List<Title> page;
            await using (var db = factory.Create())
                page = await PageAsync(db, after, cancellationToken);

            foreach (var title in page)
                yield return title;
            if (page.Count < pageSize)
                yield break;
            after = page[^1].Id;
        }
    }

    private async Task<List<Title>> PageAsync(CatalogDbContext db, string after, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is SqliteConnection connection)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return await SqliteTitlePages.ReadAsync(connection, after, pageSize, cancellationToken);
        }

        return await db.Titles.AsNoTracking().Include(t => t.Trailers)
            .Where(t => string.Compare(t.Id, after) > 0)
            .OrderBy(t => t.Id).Take(pageSize)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChangeLogEntry>> ChangesAfterAsync(long sequence, int max, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.ChangeLog.AsNoTracking().Where(c => c.Sequence > sequence)
            .OrderBy(c => c.Sequence).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Title>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.Titles.AsNoTracking().Include(t => t.Trailers)
            .Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
    }
}
