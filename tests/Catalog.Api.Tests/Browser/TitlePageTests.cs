using System.Text.RegularExpressions;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Api.Tests.Browser;

/// <summary>The title page: facts, reviews in every order, votes and the viewer's review form.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TitlePageTests(BrowserFixture browser)
{
    private const string ReviewIds =
        "query($id: ID!, $order: ReviewOrder!, $first: Int!) { title(id: $id) { reviews(orderBy: $order, first: $first) { nodes { id } } } }";

    private const string Submit =
        "mutation($in: SubmitReviewInput!) { submitReview(input: $in) { id } }";

    [SkippableFact]
    public async Task Changing_the_review_order_lists_the_reviews_as_the_api_orders_them()
    {
        const string titleId = "the-iron-giant-1999";
        var server = browser.Server;
        var reviewIds = new List<string>();
        foreach (var (viewer, rating) in new[] { ("order-a", 3), ("order-b", 9), ("order-c", 6) })
        {
            var answer = await server.ApiAsync(Submit, new { @in = new { titleId, rating, body = $"Rated {rating} by {viewer}." } }, server.ViewerToken(viewer));
            reviewIds.Add(answer.Data.At("submitReview.id").GetString()!);
        }
        // Votes make helpfulness differ from every other order.
        await server.ApiAsync("mutation($id: ID!) { voteReview(reviewId: $id, helpful: true) { id } }", new { id = reviewIds[0] }, server.ViewerToken("order-b"));
        await server.ApiAsync("mutation($id: ID!) { voteReview(reviewId: $id, helpful: true) { id } }", new { id = reviewIds[0] }, server.ViewerToken("order-c"));

        await using var page = await browser.OpenAsync($"/title/{titleId}");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator(".review")).ToHaveCountAsync(Math.Min(10, await ReviewCountAsync(titleId)));
        Assert.Equal(await ApiOrderAsync(titleId, "HELPFULNESS"), await ReviewIdsOnPageAsync(page));

        foreach (var (order, label) in new[] { ("RATING_HIGH", "Highest rating"), ("NEWEST", "Newest"), ("RATING_LOW", "Lowest rating"), ("OLDEST", "Oldest") })
        {
            await page.Page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = label });
            await page.Page.WaitForURLAsync($"**/title/{titleId}?reviews={order}");
            await page.WaitForViewAsync();
            Assert.Equal(await ApiOrderAsync(titleId, order), await ReviewIdsOnPageAsync(page));
        }

        await page.Page.GoBackAsync();
        await page.WaitForViewAsync();
        await Expect(page.Page.GetByLabel("Order", new() { Exact = true })).ToHaveValueAsync("RATING_LOW");
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Viewer_signs_in_with_a_token_votes_and_submits_a_review_that_shows_markup_as_text()
    {
        const string titleId = "inception-2010";
        const string hostile = "<img src=x onerror=alert(1)> Sharp, loud and clever.";
        var server = browser.Server;
        var other = await server.ApiAsync(Submit, new { @in = new { titleId, rating = 8, body = "A dream inside a dream." } }, server.ViewerToken("other-viewer", "Olga"));
        var otherId = other.Data.At("submitReview.id").GetString()!;

        await using var page = await browser.OpenAsync($"/signin?next=/title/{titleId}");
        var dialogs = new List<string>();
        page.Page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await page.WaitForViewAsync();
        await page.Page.GetByLabel("Bearer token").FillAsync(server.ViewerToken("ann", "Ann"));
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Page.WaitForURLAsync($"**/title/{titleId}");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator("#account")).ToContainTextAsync("Ann");

        var helpful = page.Page.Locator($"[data-review-id=\"{otherId}\"] button[data-vote=helpful]");
        await Expect(helpful).ToHaveAttributeAsync("aria-pressed", "false");
        await helpful.ClickAsync();
        await Expect(page.Page.Locator($"[data-review-id=\"{otherId}\"] button[data-vote=helpful]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Page.Locator($"[data-review-id=\"{otherId}\"] button[data-vote=helpful] .vote-count")).ToHaveTextAsync("1");

        await page.Page.GetByLabel("7 of 10", new() { Exact = true }).CheckAsync(new() { Force = true });
        await page.Page.GetByLabel("Your review", new() { Exact = true }).FillAsync(hostile);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Post review" }).ClickAsync();
        await Expect(page.Page.GetByText("Your review is saved.")).ToBeVisibleAsync();

        var own = page.Page.Locator(".review", new() { HasText = "Sharp, loud and clever." });
        await Expect(own.Locator(".review-body")).ToHaveTextAsync(hostile);
        await Expect(own).ToContainTextAsync("Your review");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Update my review" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Page.Locator("main img").CountAsync());
        Assert.Empty(dialogs);
        var stored = await server.ApiAsync("query($id: ID!) { title(id: $id) { viewerReview { rating body } } }", new { id = titleId }, server.ViewerToken("ann", "Ann"));
        Assert.Equal(7, stored.Data.At("title.viewerReview.rating").GetInt32());
        Assert.Equal(hostile, stored.Data.At("title.viewerReview.body").GetString());
        await page.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync("title", fullPage: true);
        page.AssertClean();
    }

    [SkippableFact]
    public async Task More_reviews_pages_by_cursor_and_a_viewer_deletes_their_own_review()
    {
        const string titleId = "a-serious-man-2009";
        var server = browser.Server;
        for (var i = 0; i < 12; i++)
            await server.ApiAsync(Submit, new { @in = new { titleId, rating = 1 + (i % 10), body = $"Paging review {i}." } }, server.ViewerToken($"pager-{i}"));
        var total = await ReviewCountAsync(titleId);
        Assert.True(total > 10, $"{total} reviews");

        await using var page = await browser.OpenAsync($"/signin?next=/title/{titleId}");
        await page.WaitForViewAsync();
        await page.Page.GetByLabel("Bearer token").FillAsync(server.ViewerToken("pager-0"));
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Page.WaitForURLAsync($"**/title/{titleId}");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator(".review")).ToHaveCountAsync(10);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "More reviews" }).ClickAsync();
        await Expect(page.Page.Locator(".review")).ToHaveCountAsync(Math.Min(20, total));
        Assert.Equal(await ApiOrderAsync(titleId, "HELPFULNESS", first: 20), await ReviewIdsOnPageAsync(page));

        var own = page.Page.Locator(".review", new() { HasText = "Paging review 0." });
        var delete = own.GetByRole(AriaRole.Button, new() { Name = "Delete review" });
        await delete.ClickAsync();
        await own.GetByRole(AriaRole.Button, new() { Name = "Really delete? Click again" }).ClickAsync();
        await Expect(page.Page.GetByText("The review is deleted.")).ToBeVisibleAsync();
        await Expect(page.Page.Locator(".review", new() { HasText = "Paging review 0." })).ToHaveCountAsync(0);
        var stored = await server.ApiAsync("query($id: ID!) { title(id: $id) { viewerReview { id } } }", new { id = titleId }, server.ViewerToken("pager-0"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.Data.At("title.viewerReview").ValueKind);
        Assert.Equal(total - 1, await ReviewCountAsync(titleId));
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Title_page_links_people_and_tags_to_searches_and_offers_the_trailer_search_and_imdb()
    {
        await using var page = await browser.OpenAsync("/title/the-matrix-1999");
        await page.WaitForViewAsync();

        var expected = (await browser.Server.ApiAsync("{ title(id: \"the-matrix-1999\") { imdbUrl trailerSearchUrl directors tags } }")).Data.At("title");
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "IMDb" })).ToHaveAttributeAsync("href", expected.GetProperty("imdbUrl").GetString()!);
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Find the trailer" })).ToHaveAttributeAsync("href", expected.GetProperty("trailerSearchUrl").GetString()!);
        var director = expected.GetProperty("directors")[0].GetString()!;
        await page.Page.GetByRole(AriaRole.Link, new() { Name = director, Exact = true }).ClickAsync();
        await page.Page.WaitForURLAsync(new Regex("/search\\?person="));
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator(".result-title", new() { HasText = "The Matrix" }).First).ToBeVisibleAsync();
        page.AssertClean();
    }

    private async Task<int> ReviewCountAsync(string titleId) =>
        (await browser.Server.ApiAsync("query($id: ID!) { title(id: $id) { reviews { totalCount } } }", new { id = titleId })).Data.At("title.reviews.totalCount").GetInt32();

    private async Task<IReadOnlyList<string>> ApiOrderAsync(string titleId, string order, int first = 10) =>
        (await browser.Server.ApiAsync(ReviewIds, new { id = titleId, order, first })).Data.At("title.reviews.nodes")
            .EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

    private static async Task<IReadOnlyList<string>> ReviewIdsOnPageAsync(BrowserPage page)
    {
        var ids = new List<string>();
        foreach (var item in await page.Page.Locator(".review").AllAsync())
            ids.Add((await item.GetAttributeAsync("data-review-id"))!);
        return ids;
    }
}
