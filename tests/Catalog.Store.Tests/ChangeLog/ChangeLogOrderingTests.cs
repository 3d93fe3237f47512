using System.Diagnostics;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.ChangeLog;

/// <summary>
/// A reader tails the log with "entries after the last sequence I saw"; that is only safe if sequences
/// become visible in order (see <see cref="PostgresWriteLock"/>).
/// </summary>
public sealed class ChangeLogOrderingTests
{
    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task A_reader_tailing_during_many_concurrent_write_transactions_misses_no_entry(StoreProvider provider)
    {
        await using var store = await TempStore.CreateAsync(provider);
        const int writers = 8, transactionsEach = 20;
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < transactionsEach; i++)
            {
                await using var db = store.Open();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var title = ChangeLogTests.NewTitle($"w{w}-{i}");
                db.Titles.Add(title);
                await db.SaveChangesAsync();
                // A second round trip between taking a sequence and committing widens the window in
                // which a later sequence could otherwise commit first.
                title.Tags = ["late"];
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        })));

        var seen = new List<long>();
        long last = 0;
        async Task PollAsync()
        {
            await using var db = store.Open();
            var batch = await db.ChangeLog.AsNoTracking().Where(e => e.Sequence > last)
                .OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            seen.AddRange(batch);
            if (batch.Count > 0)
                last = batch[^1];
        }

        var polls = 0;
        while (!writing.IsCompleted)
        {
            await PollAsync();
            polls++;
        }
        await writing;
        await PollAsync();

        await using var read = store.Open();
        var all = await read.ChangeLog.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(writers * transactionsEach * 2, all.Count);
        Assert.True(polls > 1, "the reader should have polled while the writers ran");
        Assert.Equal(all, seen);
    }

    [SkippableFact]
    public async Task On_postgres_a_later_writer_takes_its_sequence_only_after_the_earlier_one_commits()
    {
        await using var store = await TempStore.CreateAsync(StoreProvider.Postgres);
        await using var first = store.Open();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        first.Titles.Add(ChangeLogTests.NewTitle("first"));
        await first.SaveChangesAsync();

        var second = Task.Run(async () =>
        {
            await using var db = store.Open();
            db.Titles.Add(ChangeLogTests.NewTitle("second"));
            await db.SaveChangesAsync();
        });
        await WaitUntilOneWriterWaitsForTheLogAsync(store, second);

        await using (var reader = store.Open())
            Assert.Empty(await reader.ChangeLog.ToListAsync());
        await firstTransaction.CommitAsync();
        await second;

        await using var read = store.Open();
        var log = await read.ChangeLog.OrderBy(e => e.Sequence).Select(e => e.EntityId).ToListAsync();
        Assert.Equal(["first", "second"], log);
    }

    /// <summary>Polls the server's lock table (bounded) until a session of this database waits on an advisory lock.</summary>
    private static async Task WaitUntilOneWriterWaitsForTheLogAsync(TempStore store, Task writer)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(writer.IsCompleted, "the second writer finished while the first still held its sequence uncommitted");
            await using var db = store.Open();
            var waiting = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """).SingleAsync();
            if (waiting == 1)
                return;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the second writer never waited for the change-log lock");
        }
    }
}
