using System.Net;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Browser;

/// <summary>The harness itself: the real server with the sample at its as-of instant, and a recording browser page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrowserHarnessTests(BrowserFixture browser)
{
    [Fact]
    public async Task Server_serves_the_sample_catalog_at_its_as_of_instant()
    {
        using var client = browser.Server.CreateClient();

        var result = (await client.PostGraphQLAsync("{ newArrivals(first: 1) { totalCount } search(first: 1) { totalCount } }")).EnsureSuccess();

        Assert.True(result.Data.GetProperty("search").GetProperty("totalCount").GetInt32() > 3000);
        Assert.True(result.Data.GetProperty("newArrivals").GetProperty("totalCount").GetInt32() > 0);
    }

    [SkippableFact]
    public async Task Page_records_failed_and_foreign_requests_and_saves_screenshots()
    {
        await using var page = await browser.OpenAsync("/health/live");
        await page.Page.EvaluateAsync("() => fetch('/no-such-path').catch(() => {})");
        await page.Page.EvaluateAsync("() => fetch('https://example.invalid/x').catch(() => {})");

        Assert.Contains(page.FailedRequests, r => r.Contains("/no-such-path", StringComparison.Ordinal) && r.EndsWith(": 404", StringComparison.Ordinal));
        Assert.Contains(page.ForeignRequests, r => r.Contains("https://example.invalid/x", StringComparison.Ordinal));
        var screenshot = await page.ScreenshotAsync("harness-health");
        Assert.True(new FileInfo(screenshot).Length > 0);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)(await page.GotoAsync("/health/live")).Status);
    }
}
