using Microsoft.EntityFrameworkCore;

namespace Catalog.Store;

public sealed record StoreStatistics(
    int Titles,
    int Trailers,
    int Reviews,
    int Votes,
    ChangeLogStatistics ChangeLog,
    IReadOnlyList<KeyValuePair<string, int>> Kinds,
    IReadOnlyList<KeyValuePair<string, int>> Genres,
    IReadOnlyList<KeyValuePair<string, int>> Tags)
{
    /// <summary>Counts by streaming the title rows once; list columns are not queryable alike on every provider.</summary>
    public static async Task<StoreStatistics> ComputeAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var genres = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        var titles = 0;
        var rows = db.Titles.AsNoTracking().Select(t => new { t.Kind, t.Genres, t.Tags }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            titles++;
            Count(kinds, row.Kind.ToString().ToUpperInvariant());
            foreach (var genre in row.Genres)
                Count(genres, genre);
            foreach (var tag in row.Tags)
                Count(tags, tag);
        }

        return new StoreStatistics(
            titles,
            await db.Trailers.CountAsync(cancellationToken),
            await db.Reviews.CountAsync(cancellationToken),
            await db.ReviewVotes.CountAsync(cancellationToken),
            await ChangeLogStatistics.ComputeAsync(db, cancellationToken),
            Sorted(kinds),
            Sorted(genres),
            Sorted(tags));
    }

    private static void Count(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static KeyValuePair<string, int>[] Sorted(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];
}
