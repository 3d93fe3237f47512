using Catalog.Api.Insights;
using Catalog.Api.Tests.Fixtures;
using Catalog.Store;
using Catalog.Store.Insights;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Api.Tests.Insights;

/// <summary>A host whose insights clock is fake (retention, days) and whose writer flushes without pausing.</summary>
public class InsightsApi<TStore> : CatalogApiFactory<TStore>
    where TStore : ITestStore
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Catalog:Insights:FlushInterval"] = "00:00:00",
        ["Catalog:Insights:Replica"] = "replica-under-test",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new InsightsClock(Clock)));
    }

    protected override async Task SeedAsync() => await this.SeedTitlesAsync(
        NewTitle("alpha-centauri", "Alpha Centauri"), NewTitle("alpha-beta", "Alpha Beta"), NewTitle("gamma-ray", "Gamma Ray"));

    public InsightsBacklog Backlog => Services.GetRequiredService<InsightsBacklog>();

    /// <summary>Waits until everything recorded so far is written (or dropped by a failed write).</summary>
    public Task FlushedAsync() => Backlog.WaitUntilProcessedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Moves the insights clock to a day no other test has used, so a report over it holds only this test's searches.</summary>
    public DateOnly FreshDay()
    {
        Clock.Advance(TimeSpan.FromDays(400));
        return DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    }

    public async Task<List<SearchEvent>> SearchesAsync()
    {
        await using var db = Services.GetRequiredService<ICatalogDbFactory>().Create();
        return await db.SearchEvents.AsNoTracking().ToListAsync();
    }

    public async Task<List<SearchClick>> ClicksAsync()
    {
        await using var db = Services.GetRequiredService<ICatalogDbFactory>().Create();
        return await db.SearchClicks.AsNoTracking().ToListAsync();
    }
}
