using Catalog.Api.GraphQL.Common;
using Catalog.Core.Titles;
using Catalog.Store;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.GraphQL.Titles;

/// <summary>
/// Per-request title reads. A title row comes with its trailers in the same query (they are small and
/// every card shows whether there is one), so a page of titles is one store round-trip, for the titles the
/// <see cref="TitleCache"/> does not have.
/// </summary>
public sealed class TitleReader
{
    private readonly ICatalogDbFactory factory;
    private readonly TitleCache cache;
    private readonly BatchLoader<string, Title> byId;

    public TitleReader(ICatalogDbFactory factory, TitleCache cache)
    {
        this.factory = factory;
        this.cache = cache;
        byId = new BatchLoader<string, Title>(LoadAsync);
    }

    /// <summary>One title, batched with every other title asked for at the same level of the query.</summary>
    public IDataLoaderResult<Title?> Find(string id) => byId.Load(id);

    /// <summary>The titles of <paramref name="ids"/> in that order, skipping ids the store no longer has.</summary>
    public async Task<IReadOnlyList<Title>> LoadInOrderAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = await LoadAsync([.. ids.Distinct(StringComparer.Ordinal)], cancellationToken);
        return InOrder(ids, found);
    }

    /// <summary>The titles of <paramref name="ids"/> among <paramref name="found"/>, in the ids' order, skipping ids it lacks.</summary>
    public static IReadOnlyList<Title> InOrder(IReadOnlyList<string> ids, IReadOnlyDictionary<string, Title> found) =>
        [.. ids.Where(found.ContainsKey).Select(id => found[id])];

    /// <summary>The titles of <paramref name="ids"/> the store has, by id, in at most one read.</summary>
    public async Task<IReadOnlyDictionary<string, Title>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Title>(ids.Count, StringComparer.Ordinal);
        var generation = cache.Current();
        var missing = ids;
        if (generation is { } now)
        {
            var notKept = new List<string>(ids.Count);
            foreach (var id in ids)
            {
                if (cache.TryGet(id, now, out var kept))
                    found[id] = kept;
                else
                    notKept.Add(id);
            }

            missing = notKept;
        }

        if (missing.Count == 0)
            return found;
        await using var db = factory.Create();
        var titles = await db.Titles.TagWith(QueryTags.Titles).AsNoTracking().Include(t => t.Trailers)
            .Where(t => missing.Contains(t.Id))
            .ToListAsync(cancellationToken);
        foreach (var title in titles)
        {
            found[title.Id] = title;
            if (generation is { } readAfter)
                cache.Add(title, readAfter);
        }

        return found;
    }
}
