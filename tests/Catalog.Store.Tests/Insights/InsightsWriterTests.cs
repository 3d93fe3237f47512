using Catalog.Core;
using Catalog.Store.Insights;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Insights;

/// <summary>The insights writer's batches, and the rehearsal that compiles their path at start without keeping anything.</summary>
public sealed class InsightsWriterTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    [SkippableTheory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public async Task A_rehearsal_keeps_nothing_and_batches_after_it_are_written(StoreProvider provider)
    {
        await using var store = await TempStore.CreateAsync(provider);
        var writer = new InsightsWriter(store.Factory);

        await writer.RehearseAsync(CancellationToken.None);
        await writer.RehearseAsync(CancellationToken.None);

        await using (var db = store.Open())
        {
            Assert.Equal(0, await db.SearchEvents.CountAsync());
            Assert.Equal(0, await db.SearchClicks.CountAsync());
        }

        var search = new SearchEvent { Id = "s-1", At = Now, Day = DateOnly.FromDateTime(Now), Query = "heat", Filters = "", Replica = "r" };
        var kept = await writer.WriteAsync([search], [new SearchClick { SearchId = "s-1", TitleId = "heat", Position = 2, At = Now }], CancellationToken.None);

        Assert.Equal(1, kept);
        await using var after = store.Open();
        var saved = await after.SearchEvents.SingleAsync();
        Assert.Equal(("s-1", 1, 2), (saved.Id, saved.ClickCount, saved.FirstClickPosition));
        Assert.Equal(1, await after.SearchClicks.CountAsync());
    }
}
