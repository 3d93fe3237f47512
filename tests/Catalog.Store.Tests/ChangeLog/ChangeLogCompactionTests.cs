using System.Diagnostics;
using Catalog.Core;
using Catalog.Core.Reviews;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Store.Tests.ChangeLog;

/// <summary>Compaction keeps the newest entry per title and anything younger than the retention; readers never miss one.</summary>
public sealed class ChangeLogCompactionTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Ten_thousand_old_votes_on_three_titles_compact_down_to_the_newest_entry_per_title(StoreProvider provider)
    {
        await using var store = await TempStore.CreateAsync(provider);
        string[] titles = ["alien-1979", "heat-1995", "up-2009"];
        await using (var db = store.Open())
        {
            foreach (var id in titles)
            {
                db.Titles.Add(ChangeLogTests.NewTitle(id));
                db.Reviews.Add(new Review { Id = $"rv-{id}", TitleId = id, AuthorId = "a", AuthorName = "Ann", Rating = 8, Body = "Good." });
            }

            await db.SaveChangesAsync();
            for (var voter = 0; voter < 10_000; voter++)
                db.ReviewVotes.Add(new ReviewVote { ReviewId = $"rv-{titles[voter % 3]}", VoterId = $"v{voter}", Helpful = true });
            await db.SaveChangesAsync();
        }

        var before = await NewestPerTitleAsync(store);
        var newest = before.Values.ToList();
        long highestSuperseded;
        await using (var db = store.Open())
            highestSuperseded = await db.ChangeLog.Where(e => !newest.Contains(e.Sequence)).MaxAsync(e => e.Sequence);
        store.Clock.Advance(Retention + TimeSpan.FromHours(1));

        var deleted = await Compactor(store).CompactAsync(CancellationToken.None);

        Assert.Equal(10_006 - 3, deleted);
        await using var read = store.Open();
        Assert.Equal(newest.Order(), await read.ChangeLog.Select(e => e.Sequence).OrderBy(s => s).ToListAsync());
        var stats = await ChangeLogStatistics.ComputeAsync(read, CancellationToken.None);
        Assert.Equal(new ChangeLogStatistics(3, newest.Min(), newest.Max(), highestSuperseded), stats);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Entries_younger_than_the_retention_and_the_only_entry_of_a_title_are_kept(StoreProvider provider)
    {
        await using var store = await TempStore.CreateAsync(provider);
        await RenameAsync(store, "old-then-recent", "old-only");
        await RenameAsync(store, "old-then-recent");
        store.Clock.Advance(Retention + TimeSpan.FromHours(1));
        await RenameAsync(store, "old-then-recent", "recent-only");
        await RenameAsync(store, "recent-only");
        var oldSuperseded = await SequencesAsync(store, "old-then-recent");
        var kept = (await SequencesAsync(store)).Except(oldSuperseded[..2]).ToList();

        Assert.Equal(2, await Compactor(store).CompactAsync(CancellationToken.None));
        Assert.Equal(0, await Compactor(store).CompactAsync(CancellationToken.None));

        Assert.Equal(kept, await SequencesAsync(store));
        await using var read = store.Open();
        Assert.Equal(oldSuperseded[1], await ChangeLogStatistics.CompactedThroughAsync(read, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task A_reader_tailing_while_writers_and_compaction_run_ends_with_every_title_as_stored(StoreProvider provider)
    {
        await using var store = await TempStore.CreateAsync(provider);
        string[] titles = ["t0", "t1", "t2", "t3", "t4"];
        await RenameAsync(store, titles);
        // The compactor's clock is far ahead: every superseded entry qualifies the moment it is superseded.
        var compactor = new ChangeLogCompactor(store.Factory,
            new StoreOptions { ChangeLogRetention = Retention, ChangeLogCompactionBatchSize = 7 },
            new FakeTimeProvider(store.Clock.GetUtcNow() + Retention * 2));
        const int writers = 4, renamesEach = 40;
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < renamesEach; i++)
            {
                await using var db = store.Open();
                (await db.Titles.SingleAsync(t => t.Id == titles[(w + i) % titles.Length])).Name = $"w{w}-{i}";
                await db.SaveChangesAsync();
            }
        })));
        long compacted = 0;
        var compacting = Task.Run(async () =>
        {
            while (!writing.IsCompleted)
                compacted += await compactor.CompactAsync(CancellationToken.None);
        });

        // The index's way of reading: entries after the last one seen, in small batches, reloading each title.
        var reader = new Dictionary<string, string>(StringComparer.Ordinal);
        long last = 0;
        var polls = 0;
        async Task PollAsync()
        {
            await using var db = store.Open();
            var batch = await db.ChangeLog.AsNoTracking().Where(e => e.Sequence > last).OrderBy(e => e.Sequence).Take(5).ToListAsync();
            var ids = batch.Select(e => e.TitleId).Distinct().ToList();
            foreach (var title in await db.Titles.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync())
                reader[title.Id] = title.Name;
            if (batch.Count > 0)
                last = batch[^1].Sequence;
            polls++;
        }

        while (!writing.IsCompleted)
            await PollAsync();
        await writing;
        await compacting;
        compacted += await compactor.CompactAsync(CancellationToken.None);
        var tail = await SequencesAsync(store);
        while (tail.Count > 0 && last < tail[^1])
            await PollAsync();

        await using var read = store.Open();
        var stored = await read.Titles.ToDictionaryAsync(t => t.Id, t => t.Name);
        Assert.Equal(stored.OrderBy(p => p.Key), reader.OrderBy(p => p.Key));
        Assert.True(polls > 2, "the reader should have polled while the writers ran");
        Assert.True(compacted > 0, "compaction should have deleted entries while the reader tailed");
        Assert.Equal(titles.Length, tail.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task The_background_job_compacts_at_its_interval(StoreProvider provider)
    {
        await using var store = await TempStore.CreateAsync(provider);
        await RenameAsync(store, "heat-1995");
        await RenameAsync(store, "heat-1995");
        var newest = (await SequencesAsync(store))[^1];
        store.Clock.Advance(Retention + TimeSpan.FromHours(1));
        var options = new StoreOptions
        {
            Provider = provider, ConnectionString = store.Options.ConnectionString, ChangeLogCompactionInterval = TimeSpan.FromMilliseconds(20),
        };
        var catalog = new CatalogOptions { DataDirectory = store.Directory };
        await using var process = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(store.Clock)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(catalog)).AddCatalogStore(catalog, options).BuildServiceProvider();
        var job = process.GetServices<IHostedService>().OfType<ChangeLogCompactionService>().Single();

        await job.StartAsync(CancellationToken.None);
        var waited = Stopwatch.StartNew();
        while ((await SequencesAsync(store)).Count > 1)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the job never compacted");
            await Task.Delay(20); // polling pace only: the loop ends on the store's state
        }
        await job.StopAsync(CancellationToken.None);

        Assert.Equal([newest], await SequencesAsync(store));
    }

    private static ChangeLogCompactor Compactor(TempStore store) =>
        new(store.Factory, new StoreOptions { ChangeLogRetention = Retention, ChangeLogCompactionBatchSize = 1000 }, store.Clock);

    /// <summary>One save per call that creates or renames each title (one change-log entry each).</summary>
    private static async Task RenameAsync(TempStore store, params string[] ids)
    {
        await using var db = store.Open();
        foreach (var id in ids)
        {
            if (await db.Titles.FindAsync(id) is { } title)
                title.Name += "'";
            else
                db.Titles.Add(ChangeLogTests.NewTitle(id));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<long>> SequencesAsync(TempStore store, string? titleId = null)
    {
        await using var db = store.Open();
        return await db.ChangeLog.Where(e => titleId == null || e.TitleId == titleId).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
    }

    private static async Task<Dictionary<string, long>> NewestPerTitleAsync(TempStore store)
    {
        await using var db = store.Open();
        return await db.ChangeLog.GroupBy(e => e.TitleId).Select(g => new { g.Key, Newest = g.Max(e => e.Sequence) })
            .ToDictionaryAsync(g => g.Key, g => g.Newest);
    }
}
