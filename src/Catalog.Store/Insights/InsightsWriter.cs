using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Insights;

/// <summary>Writes a batch of recorded searches and clicks in one transaction.</summary>
public sealed class InsightsWriter(ICatalogDbFactory databases)
{
    /// <summary>
    /// Saves <paramref name="searches"/>, then the <paramref name="clicks"/> whose search exists (a click on a search
    /// that was dropped, expired or never existed is left out) with their search's click count and best position.
    /// Returns the number of clicks kept.
    /// </summary>
    public Task<int> WriteAsync(IReadOnlyList<SearchEvent> searches, IReadOnlyList<SearchClick> clicks, CancellationToken cancellationToken) =>
        WriteAsync(searches, clicks, commit: true, cancellationToken);

    /// <summary>
    /// Runs a batch's statements for one made-up search and a click on it, then rolls them back: the store's write path
    /// (EF Core's change tracking and update pipeline, some 500 methods to compile) is ready before the first real batch,
    /// which would otherwise compile it beside the first viewers' searches. Nothing is kept.
    /// </summary>
    public Task RehearseAsync(CancellationToken cancellationToken)
    {
        var at = DateTime.UnixEpoch;
        return RehearseAsync([new SearchEvent { Id = Guid.NewGuid().ToString("N"), At = at, Day = DateOnly.FromDateTime(at), Query = "", Filters = "", Replica = "" }],
            cancellationToken);
    }

    /// <summary>Runs a batch's statements for <paramref name="searches"/> and a click on the first, then rolls them back.</summary>
    public async Task RehearseAsync(IReadOnlyList<SearchEvent> searches, CancellationToken cancellationToken)
    {
        var first = searches[0];
        var click = new SearchClick { SearchId = first.Id, TitleId = "", Position = 1, At = first.At };
        await WriteAsync(searches, [click], commit: false, cancellationToken);
    }

    private async Task<int> WriteAsync(IReadOnlyList<SearchEvent> searches, IReadOnlyList<SearchClick> clicks, bool commit, CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SearchEvents.AddRange(searches);
        await db.SaveChangesAsync(cancellationToken);

        var ids = clicks.Select(c => c.SearchId).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.SearchEvents.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        var kept = clicks.Where(c => known.ContainsKey(c.SearchId)).ToList();
        foreach (var click in kept)
        {
            var search = known[click.SearchId];
            search.ClickCount++;
            search.FirstClickPosition = Math.Min(search.FirstClickPosition ?? int.MaxValue, click.Position);
        }

        db.SearchClicks.AddRange(kept);
        await db.SaveChangesAsync(cancellationToken);
        if (commit)
            await transaction.CommitAsync(cancellationToken);
        else
            await transaction.RollbackAsync(cancellationToken);
        return kept.Count;
    }

    /// <summary>Deletes searches (and their clicks) recorded before <paramref name="cutoff"/>; returns how many searches.</summary>
    public async Task<int> DeleteBeforeAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        await db.SearchClicks.Where(c => c.At < cutoff).ExecuteDeleteAsync(cancellationToken);
        return await db.SearchEvents.Where(s => s.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
