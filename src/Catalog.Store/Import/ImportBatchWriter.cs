using Catalog.Core.Changes;
using Catalog.Core.Titles;
using Catalog.Core.Titles.Rules;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Import;

/// <summary>A source record with its draft's rule check, when it has a draft.</summary>
internal readonly record struct CheckedRecord(SourceRecord Record, TitleCheck? Check);

/// <summary>
/// Applies batches of source records to the store inside the import's transaction and keeps the
/// tally. A title is matched by id, else by IMDb id; the first record that reaches a title owns it
/// for the rest of the import, and later records for the same title are duplicates.
/// Writers are serial (BEGIN IMMEDIATE, PostgresWriteLock), so a store empty when the import began holds only what
/// this import inserted: the owners of its titles and trailer ids are all known here, and the store is asked only
/// about ids the import wrote itself, after its deferred indexes (if any) are back.
/// </summary>
internal sealed class ImportBatchWriter(CatalogDbContext db, DateTime now, bool storeWasEmpty, DeferredIndexes? deferredIndexes)
{
    private readonly RowInserter<Title> titleRows = new(db);
    private readonly RowInserter<Trailer> trailerRows = new(db);
    private readonly RowInserter<ChangeLogEntry> changeRows = new(db);
    private readonly List<Title> newTitles = [];
    private readonly Dictionary<string, int> ownerRecordByTitleId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> titleIdByTrailerId = new(StringComparer.Ordinal);
    private readonly HashSet<string> insertedImdbIds = new(StringComparer.Ordinal);
    private readonly List<ImportIssue> rejected = [];
    private readonly List<ImportIssue> warnings = [];
    private int inserted;
    private int updated;
    private int skipped;
    private readonly Dictionary<string, (SourceRecord First, int Count)> skippedByReason = new(StringComparer.Ordinal);

    public ImportSummary Summary() => new(
        inserted,
        updated,
        skipped,
        rejected,
        [.. warnings, .. skippedByReason.Select(s => new ImportIssue(s.Value.First.Record, s.Value.First.Id, s.Value.First.Name, $"{s.Value.Count} record(s) skipped, the first here: {s.Key}"))]);

    /// <summary>
    /// The rule check of a record's draft (null when the record is skipped or rejected by its source). It
    /// depends on the record alone, so the importer runs it while reading, beside the writes.
    /// </summary>
    public static TitleCheck? Check(SourceRecord record, TitleRules rules, DateTime now)
    {
        if (record.SkipReason is not null || record.RejectReason is not null || record.Draft is null)
            return null;

        // Identity is checked whatever the source provides.
        var fields = record.Draft.Fields.Contains(nameof(Title.Name))
            ? record.Draft.Fields
            : new HashSet<string>(record.Draft.Fields, StringComparer.Ordinal) { nameof(Title.Name) };
        return rules.Check(record.Draft.Title, fields, now, RuleMode.Lenient);
    }

    public async Task WriteAsync(IReadOnlyList<CheckedRecord> batch, CancellationToken cancellationToken)
    {
        var accepted = new List<(SourceRecord Record, TitleDraft Draft)>(batch.Count);
        foreach (var (record, check) in batch)
        {
            Warn(record, record.Warnings);
            if (Validated(record, check) is { } draft)
                accepted.Add((record, draft));
        }

        var stored = await LoadMatchesAsync(accepted.Select(a => a.Draft.Title).Where(MayBeStored).ToList(), cancellationToken);
        if (!storeWasEmpty)
            await LoadTrailerOwnersAsync(accepted.Select(a => a.Draft), cancellationToken);
        foreach (var (record, draft) in accepted)
            Apply(record, draft, stored);

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await InsertNewTitlesAsync(cancellationToken);
    }

    /// <summary>False when the title cannot match a stored one: the store began empty and this import has not written its ids.</summary>
    private bool MayBeStored(Title title) =>
        !storeWasEmpty
        || ownerRecordByTitleId.ContainsKey(title.Id)
        || (title.ImdbId is { } imdb && insertedImdbIds.Contains(imdb));

    /// <summary>
    /// New titles skip the change tracker (<see cref="RowInserter{T}"/>). The writer is the import's critical path,
    /// so on SQLite every row is encoded on other threads while the writer binds and inserts: the change log's
    /// rows first (the change log has no foreign keys), then the titles', then their trailers'.
    /// </summary>
    private async Task InsertNewTitlesAsync(CancellationToken cancellationToken)
    {
        var at = db.Clock.GetUtcNow().UtcDateTime;
        var changes = newTitles.SelectMany(t => ChangeLogRecorder.NewTitle(t, at)).ToList();
        var titles = newTitles.ToArray();
        newTitles.Clear();
        Trailer[] trailers = [.. titles.SelectMany(t => t.Trailers)];
        var encodedChanges = Task.Run(() => changeRows.Encode(changes), cancellationToken);
        var encodedTitles = Task.Run(() => titleRows.Encode(titles), cancellationToken);
        var encodedTrailers = Task.Run(() => trailerRows.Encode(trailers), cancellationToken);
        try
        {
            await changeRows.InsertAsync(changes, await encodedChanges, cancellationToken);
            await titleRows.InsertAsync(titles, await encodedTitles, cancellationToken);
            await trailerRows.InsertAsync(trailers, await encodedTrailers, cancellationToken);
        }
        finally
        {
            // Never leave an encoding running past a failure: the rows are read by it until it ends.
            await Task.WhenAll((Task)encodedChanges, encodedTitles, encodedTrailers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private TitleDraft? Validated(SourceRecord record, TitleCheck? check)
    {
        if (record.SkipReason is { } skipReason)
        {
            skipped++;
            skippedByReason[skipReason] = skippedByReason.TryGetValue(skipReason, out var seen) ? (seen.First, seen.Count + 1) : (record, 1);
            return null;
        }

        if (record.RejectReason is not null || record.Draft is null)
        {
            Reject(record, record.RejectReason ?? "the source produced no title", null);
            return null;
        }

        // Every record with a draft comes checked (Check above, run by the importer's reader).
        check = check ?? throw new InvalidOperationException($"record {record.Record} was not checked");
        Warn(record, check.Warnings, record.Draft.Title.Id);
        if (check.Refusal is null)
            return record.Draft;
        Reject(record, check.Refusal, record.Draft.Title.Id);
        return null;
    }

    private void Apply(SourceRecord record, TitleDraft draft, StoredTitles stored)
    {
        var title = draft.Title;
        var existing = stored.Find(title);
        var targetId = existing?.Id ?? title.Id;
        if (ownerRecordByTitleId.TryGetValue(targetId, out var owner))
        {
            if (existing is not null && TitleFields.Differs(existing, draft))
                Reject(record, $"duplicate of record {owner} with different values", targetId);
            else
                Skip(record, $"duplicate of record {owner} with the same values; skipped", targetId);
            return;
        }

        var addedAt = draft.Fields.Contains(nameof(Title.AddedAt)) ? title.AddedAt : existing?.AddedAt ?? now;
        var until = draft.Fields.Contains(nameof(Title.AvailableUntil)) ? title.AvailableUntil : existing?.AvailableUntil;
        if (TitleRules.AvailabilityProblem(addedAt, until) is { } problem)
        {
            Reject(record, problem, targetId);
            return;
        }

        ownerRecordByTitleId[targetId] = record.Record;
        DropTrailersOfOtherTitles(record, title, targetId);
        if (existing is null)
        {
            title.AddedAt = addedAt;
            foreach (var trailer in title.Trailers)
                trailer.TitleId = title.Id;
            newTitles.Add(title);
            stored.Remember(title);
            if (storeWasEmpty && title.ImdbId is { } imdb)
                insertedImdbIds.Add(imdb);
            inserted++;
        }
        else if (TitleFields.Apply(db, existing, draft))
        {
            updated++;
        }
        else
        {
            skipped++;
        }
    }

    /// <summary>Remembers who owns the batch's trailer ids in the store: trailer ids are global.</summary>
    private async Task LoadTrailerOwnersAsync(IEnumerable<TitleDraft> drafts, CancellationToken cancellationToken)
    {
        var ids = drafts.Where(d => d.Fields.Contains(nameof(Title.Trailers)))
            .SelectMany(d => d.Title.Trailers.Select(t => t.Id)).Distinct().ToList();
        if (ids.Count == 0)
            return;
        var owners = await db.Trailers.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.TitleId }).ToListAsync(cancellationToken);
        foreach (var owned in owners)
            titleIdByTrailerId.TryAdd(owned.Id, owned.TitleId);
    }

    private void DropTrailersOfOtherTitles(SourceRecord record, Title title, string targetId) =>
        title.Trailers.RemoveAll(trailer =>
        {
            var owner = titleIdByTrailerId.GetValueOrDefault(trailer.Id) ?? (titleIdByTrailerId[trailer.Id] = targetId);
            if (owner == targetId)
                return false;
            Warn(record, [$"trailer id '{trailer.Id}' already belongs to title '{owner}'; trailer dropped"], targetId);
            return true;
        });

    private async Task<StoredTitles> LoadMatchesAsync(List<Title> titles, CancellationToken cancellationToken)
    {
        if (titles.Count == 0)
            return new StoredTitles(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        // The lookups below need the indexes (by IMDb id, trailers by title): a file with duplicates ends the bulk load here.
        if (deferredIndexes is not null)
            await deferredIndexes.RestoreAsync(cancellationToken);
        var ids = titles.Select(t => t.Id).Distinct().ToList();
        var byId = await db.Titles.Include(t => t.Trailers).Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
        var imdbIds = titles.Where(t => t.ImdbId is not null && !byId.ContainsKey(t.Id)).Select(t => t.ImdbId!).Distinct().ToList();
        var byImdb = imdbIds.Count == 0
            ? []
            : (await db.Titles.Include(t => t.Trailers).Where(t => t.ImdbId != null && imdbIds.Contains(t.ImdbId)).ToListAsync(cancellationToken))
                .GroupBy(t => t.ImdbId!).ToDictionary(g => g.Key, g => g.MinBy(t => t.Id, StringComparer.Ordinal)!, StringComparer.Ordinal);
        return new StoredTitles(byId, byImdb);
    }

    private void Skip(SourceRecord record, string reason, string id)
    {
        skipped++;
        warnings.Add(new ImportIssue(record.Record, id, record.Name, reason));
    }

    private void Reject(SourceRecord record, string reason, string? id) =>
        rejected.Add(new ImportIssue(record.Record, id ?? record.Id, record.Name, reason));

    private void Warn(SourceRecord record, IEnumerable<string> reasons, string? id = null) =>
        warnings.AddRange(reasons.Select(r => new ImportIssue(record.Record, id ?? record.Id, record.Name, r)));

    /// <summary>The batch's titles already in the store (or inserted earlier in this batch).</summary>
    private sealed class StoredTitles(Dictionary<string, Title> byId, Dictionary<string, Title> byImdb)
    {
        public Title? Find(Title draft) =>
            byId.GetValueOrDefault(draft.Id) ?? (draft.ImdbId is { } imdb ? byImdb.GetValueOrDefault(imdb) : null);

        public void Remember(Title title)
        {
            byId[title.Id] = title;
            if (title.ImdbId is { } imdb)
                byImdb.TryAdd(imdb, title);
        }
    }
}
