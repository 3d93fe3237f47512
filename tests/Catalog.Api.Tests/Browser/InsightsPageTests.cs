using Catalog.Api.Insights;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Api.Tests.Browser;

/// <summary>The search page records its searches and the results opened; a curator reads them on the Insights view.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InsightsPageTests(BrowserFixture browser)
{
    private Task FlushedAsync() =>
        browser.Server.Services.GetRequiredService<InsightsBacklog>().WaitUntilProcessedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    [SkippableFact]
    public async Task The_search_page_records_its_search_and_the_result_opened_with_its_position()
    {
        await using var page = await browser.OpenAsync("/search?q=Matrix");
        await page.WaitForViewAsync();
        var second = page.Page.Locator("li.result").Nth(1);
        var titleId = await second.GetAttributeAsync("data-title-id");

        await page.Page.RunAndWaitForRequestFinishedAsync(
            () => second.Locator(".result-title a").ClickAsync(),
            new() { Predicate = r => r.Url.Contains(ClickBeaconEndpoint.Path, StringComparison.Ordinal) });
        await page.Page.WaitForURLAsync($"**/title/{titleId}");
        await FlushedAsync();

        await using var db = browser.Server.Services.GetRequiredService<ICatalogDbFactory>().Create();
        var click = await db.SearchClicks.AsNoTracking().Where(c => c.TitleId == titleId).OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(2, click.Position);
        var search = await db.SearchEvents.AsNoTracking().SingleAsync(s => s.Id == click.SearchId);
        Assert.Equal("matrix", search.Query);
        Assert.True(search.ResultCount >= 2);
        page.AssertClean();
    }

    [SkippableFact]
    public async Task A_curator_sees_the_queries_that_found_nothing_with_charts()
    {
        await using (var viewer = await browser.OpenAsync("/search?q=qwzxvq"))
            await viewer.WaitForViewAsync();
        await using (var viewer = await browser.OpenAsync("/search?q=alien"))
            await viewer.WaitForViewAsync();
        await FlushedAsync();

        await using var page = await browser.OpenSignedInAsync("/curator", browser.Server.CuratorToken("cora", "Cora"));
        await page.WaitForViewAsync();
        await page.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("Search insights") }).ClickAsync();
        await page.Page.WaitForURLAsync("**/insights");
        await page.WaitForViewAsync();

        var zero = page.Page.GetByRole(AriaRole.Table, new() { Name = "Queries that found nothing" });
        await Expect(zero.GetByRole(AriaRole.Rowheader, new() { Name = "qwzxvq" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Table, new() { Name = "Top queries" }).GetByRole(AriaRole.Rowheader, new() { Name = "alien" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Img, new() { Name = "Searches per day" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Img, new() { Name = "Share of searches that found nothing" })).ToBeVisibleAsync();
        Assert.Equal(30, await page.Page.Locator("#chart-searches").Locator("xpath=ancestor::figure").Locator("rect").CountAsync());
        await page.ScreenshotAsync("insights", fullPage: true);
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Viewers_are_sent_to_sign_in()
    {
        await using var page = await browser.OpenAsync("/insights");
        await page.WaitForViewAsync();
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in as a curator" })).ToBeVisibleAsync();
        page.AssertClean();
    }
}
