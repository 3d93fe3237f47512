using Catalog.Core.Changes;
using Catalog.Core.Reviews;
using Catalog.Core.Titles;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.ChangeLog;

public sealed class ChangeLogTests : IAsyncLifetime
{
    private TempStore _store = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
    }

    private async Task UseAsync(StoreProvider provider) => _store = await TempStore.CreateAsync(provider);

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Every_write_appends_one_entry_with_a_growing_sequence(StoreProvider provider)
    {
        await UseAsync(provider);
        await using (var db = _store.Open())
        {
            db.Titles.Add(NewTitle("alien-1979"));
            await db.SaveChangesAsync();
        }

        await using (var db = _store.Open())
        {
            var title = await db.Titles.SingleAsync(t => t.Id == "alien-1979");
            title.Tags = ["space", "horror"];
            await db.SaveChangesAsync();
            db.Trailers.Add(new Trailer { Id = "tr1", TitleId = title.Id, Url = "https://www.youtube.com/watch?v=x" });
            db.Reviews.Add(new Review { Id = "rv1", TitleId = title.Id, AuthorId = "v1", AuthorName = "Ann", Rating = 9, Body = "Tense." });
            await db.SaveChangesAsync();
            db.ReviewVotes.Add(new ReviewVote { ReviewId = "rv1", VoterId = "v2", Helpful = true });
            await db.SaveChangesAsync();
            db.Titles.Remove(title);
            await db.SaveChangesAsync();
        }

        await using var read = _store.Open();
        var log = await read.ChangeLog.OrderBy(e => e.Sequence).ToListAsync();
        var entries = log.Select(e => (e.Kind, e.Operation, e.EntityId)).ToArray();
        Assert.True(entries.Length == 9, string.Join("; ", entries));
        Assert.Equal((ChangeKind.Title, ChangeOperation.Upsert, "alien-1979"), entries[0]);
        Assert.Equal((ChangeKind.Tags, ChangeOperation.Upsert, "alien-1979"), entries[1]);
        // The trailer and the review were saved together: one entry each, in either order.
        Assert.Equal(
            new HashSet<(ChangeKind, ChangeOperation, string)> { (ChangeKind.Trailer, ChangeOperation.Upsert, "tr1"), (ChangeKind.Review, ChangeOperation.Upsert, "rv1") },
            entries[2..4].ToHashSet());
        Assert.Equal((ChangeKind.Vote, ChangeOperation.Upsert, "rv1/v2"), entries[4]);
        // Deleting the title cascades to its tracked trailer, review and vote: each delete is logged.
        Assert.Equal(
            new HashSet<(ChangeKind, ChangeOperation, string)>
            {
                (ChangeKind.Title, ChangeOperation.Delete, "alien-1979"),
                (ChangeKind.Trailer, ChangeOperation.Delete, "tr1"),
                (ChangeKind.Review, ChangeOperation.Delete, "rv1"),
                (ChangeKind.Vote, ChangeOperation.Delete, "rv1/v2"),
            },
            entries[5..].ToHashSet());
        Assert.All(log, e => Assert.Equal("alien-1979", e.TitleId));
        Assert.Equal(log.Select(e => e.Sequence).Order(), log.Select(e => e.Sequence));
        Assert.Equal(log.Count, log.Select(e => e.Sequence).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task A_failed_save_leaves_neither_the_write_nor_its_log_entry(StoreProvider provider)
    {
        await UseAsync(provider);
        await using var db = _store.Open();
        // The review points at a title that does not exist: the foreign key fails the whole save.
        db.Reviews.Add(new Review { Id = "orphan", TitleId = "missing", AuthorId = "v1", AuthorName = "Ann", Rating = 5, Body = "?" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var read = _store.Open();
        Assert.Equal(0, await read.Reviews.CountAsync());
        Assert.Equal(0, await read.ChangeLog.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Writes_inside_an_outer_transaction_are_logged_in_it_and_roll_back_with_it(StoreProvider provider)
    {
        await UseAsync(provider);
        await using (var db = _store.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Titles.Add(NewTitle("heat-1995"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var read = _store.Open();
        Assert.Equal(0, await read.Titles.CountAsync());
        Assert.Equal(0, await read.ChangeLog.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Saving_stamps_the_title_with_the_clock(StoreProvider provider)
    {
        await UseAsync(provider);
        await using (var db = _store.Open())
        {
            db.Titles.Add(NewTitle("heat-1995"));
            await db.SaveChangesAsync();
        }

        await using var read = _store.Open();
        var title = await read.Titles.SingleAsync();
        Assert.Equal(_store.Clock.GetUtcNow().UtcDateTime, title.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, title.UpdatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, title.AddedAt.Kind);
    }

    internal static Title NewTitle(string id) => new()
    {
        Id = id,
        Name = id,
        AddedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Genres = ["Drama"],
    };
}
