using Microsoft.Playwright;

namespace Catalog.Api.Tests.Browser;

/// <summary>What a person sees in Chromium: the GraphQL IDE at /graphql and the browse shell's headers.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IdeBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Ide_loads_at_graphql_and_runs_the_first_example_query()
    {
        await using var page = await browser.NewPageAsync(1280, 900);
        var response = await page.GotoAsync("/graphql");
        Assert.Contains("script-src 'self';", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);

        await page.Page.Locator(".graphiql-execute-button").ClickAsync();

        var result = page.Page.Locator(".graphiql-response");
        await Assertions.Expect(result).ToContainTextAsync("\"data\"");
        await Assertions.Expect(result).ToContainTextAsync("\"totalCount\"");
        await Assertions.Expect(result).Not.ToContainTextAsync("\"totalCount\": 0,");
        Assert.Contains("Search", await page.Page.Locator(".graphiql-tab").First.TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.ScreenshotAsync("ide");

        // The schema's docs: the explorer lists the root types, which needs the IDE's introspection to pass the API's limits.
        await page.Page.GetByLabel("Show Documentation Explorer").ClickAsync();
        await Assertions.Expect(page.Page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("Query");
        page.AssertClean();
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/search?q=matrix")]
    [InlineData("/title/the-matrix-1999")]
    public async Task Pages_carry_the_csp_and_load_without_errors_or_foreign_requests(string path)
    {
        await using var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(path);

        var headers = await response.AllHeadersAsync();
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self';", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("strict-origin-when-cross-origin", headers["referrer-policy"]);
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.AssertClean();
    }
}
