using Catalog.Api.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Api.Tests.Browser;

/// <summary>Development sign-in and the curator view: reindex progress, tags, trailers.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CuratorPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Development_sign_in_buttons_sign_in_a_curator_and_return_to_the_page_asked_for()
    {
        await using var page = await browser.OpenAsync("/signin?next=/curator");
        await page.WaitForViewAsync();
        await page.Page.GetByLabel("Display name (optional)").FillAsync("Cora");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in as a curator" }).ClickAsync();

        await page.Page.WaitForURLAsync("**/curator");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator("#account")).ToContainTextAsync("Cora");
        await Expect(page.Page.Locator("#account")).ToContainTextAsync("Curator");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Start reindex" })).ToBeVisibleAsync();

        await page.GotoAsync("/signin");
        await page.WaitForViewAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Page.Locator("#account")).ToContainTextAsync("Sign in");
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Curator_starts_a_reindex_and_sees_it_reach_100_percent()
    {
        await using var page = await browser.OpenSignedInAsync("/curator?title=the-matrix-1999", browser.Server.CuratorToken("cora", "Cora"));
        await page.WaitForViewAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Start reindex" }).ClickAsync();
        var bar = page.Page.GetByRole(AriaRole.Progressbar);
        await Expect(bar).ToHaveAttributeAsync("aria-valuenow", "100", new() { Timeout = 60_000 });
        await Expect(bar).ToHaveAttributeAsync("data-state", "SUCCEEDED");
        await Expect(page.Page.Locator(".progress-text")).ToContainTextAsync("100 %");
        await Expect(page.Page.GetByText("The index is rebuilt.")).ToBeVisibleAsync();
        await page.ScreenshotAsync("curator");
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Curator_edits_tags_and_adds_and_removes_a_trailer_that_the_title_page_embeds_on_request()
    {
        const string titleId = "the-iron-giant-1999";
        var token = browser.Server.CuratorToken("cora", "Cora");
        await using var page = await browser.OpenSignedInAsync($"/curator?title={titleId}", token);
        await page.WaitForViewAsync();

        await page.Page.GetByLabel("Add a tag").FillAsync("Giant Robots");
        await page.Page.GetByLabel("Add a tag").PressAsync("Enter");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save tags" }).ClickAsync();
        await Expect(page.Page.GetByText("Tags saved.")).ToBeVisibleAsync();
        var tags = await browser.Server.ApiAsync("{ title(id: \"the-iron-giant-1999\") { tags } }");
        Assert.Contains("giant robots", tags.Data.At("title.tags").EnumerateArray().Select(t => t.GetString()));

        await page.Page.GetByLabel("Trailer URL").FillAsync("https://www.youtube.com/watch?v=7LBmJwRXQKM");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Add trailer" }).ClickAsync();
        await Expect(page.Page.GetByText("Trailer added.")).ToBeVisibleAsync();
        await Expect(page.Page.Locator(".trailer-row")).ToHaveCountAsync(1);

        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Open the title page" }).ClickAsync();
        await page.Page.WaitForURLAsync($"**/title/{titleId}");
        await page.WaitForViewAsync();
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "giant robots" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Play trailer" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Page.Locator("iframe").CountAsync());
        page.AssertClean();

        await page.Page.GoBackAsync();
        await page.WaitForViewAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Remove Trailer" }).ClickAsync();
        await Expect(page.Page.GetByText("Trailer removed.")).ToBeVisibleAsync();
        await Expect(page.Page.Locator(".trailer-row")).ToHaveCountAsync(0);
        page.AssertClean();
    }

    [SkippableFact]
    public async Task A_viewer_is_told_in_words_that_the_curator_view_needs_a_curator()
    {
        await using var page = await browser.OpenSignedInAsync("/curator", browser.Server.ViewerToken("vera", "Vera"));
        await page.WaitForViewAsync();

        await Expect(page.Page.Locator("main")).ToContainTextAsync("needs a curator account");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Start reindex" })).ToHaveCountAsync(0);
        page.AssertClean();
    }
}
