using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Api.Tests.Browser;

/// <summary>The search box and the /search page in real Chromium against the sample catalog.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SearchPageTests(BrowserFixture browser)
{
    private const string FacetQuery =
        "query($q: String, $f: TitleFilter) { search(query: $q, filter: $f, facets: [GENRE]) { totalCount facets { field values { value count } } } }";

    [SkippableFact]
    public async Task Misspelled_title_picked_from_the_suggestions_with_the_keyboard_opens_its_page()
    {
        await using var page = await browser.OpenAsync("/");
        await page.WaitForViewAsync();

        var box = page.Page.GetByRole(AriaRole.Combobox, new() { Name = "Search titles, people and tags" });
        await box.PressSequentiallyAsync("matirx");
        await Expect(page.Page.GetByRole(AriaRole.Option).First).ToContainTextAsync("The Matrix");
        await box.PressAsync("ArrowDown");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", new Regex(".+"));
        await box.PressAsync("Enter");

        await page.Page.WaitForURLAsync("**/title/the-matrix-1999");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator("main h1")).ToHaveTextAsync("The Matrix");
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Escape_closes_the_suggestions_and_Enter_then_searches_the_text()
    {
        await using var page = await browser.OpenAsync("/");
        await page.WaitForViewAsync();

        var box = page.Page.GetByRole(AriaRole.Combobox, new() { Name = "Search titles, people and tags" });
        await box.PressSequentiallyAsync("termin");
        await Expect(page.Page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Expect(page.Page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await box.PressAsync("Enter");

        await page.Page.WaitForURLAsync("**/search?q=termin");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator("main h1")).ToHaveTextAsync("Results for “termin”");
        await Expect(page.Page.Locator(".result-title", new() { HasText = "The Terminator" })).ToBeVisibleAsync();
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Misspelled_query_ranks_the_right_title_first_and_did_you_mean_links_to_the_correction()
    {
        await using var page = await browser.OpenAsync("/search?q=inceptoin");
        await page.WaitForViewAsync();

        await Expect(page.Page.Locator(".result-title").First).ToHaveTextAsync("Inception");
        var didYouMean = page.Page.Locator(".did-you-mean a");
        await Expect(didYouMean).ToHaveTextAsync("inception");
        await didYouMean.ClickAsync();

        await page.Page.WaitForURLAsync("**/search?q=inception");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator("main h1")).ToHaveTextAsync("Results for “inception”");
        await Expect(page.Page.Locator(".result-title").First).ToHaveTextAsync("Inception");
        await Expect(page.Page.Locator(".did-you-mean")).ToHaveCountAsync(0);
        page.AssertClean();
    }

    [SkippableFact]
    public async Task A_query_that_finds_nothing_shows_the_corrected_results_with_the_original_one_click_away()
    {
        await using var page = await browser.OpenAsync("/search?q=mad+mxa");
        await page.WaitForViewAsync();

        var showingFor = page.Page.Locator(".showing-for");
        await Expect(showingFor).ToHaveTextAsync("Showing results for mad max. Search instead for mad mxa.");
        await Expect(page.Page.Locator(".result-title", new() { HasText = "Mad Max" }).First).ToBeVisibleAsync();
        await showingFor.GetByRole(AriaRole.Link, new() { Name = "mad mxa" }).ClickAsync();

        await page.Page.WaitForURLAsync("**/search?q=mad+mxa&exact=1");
        await page.WaitForViewAsync();
        await Expect(page.Page.Locator(".result-title")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator(".showing-for")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator(".did-you-mean a")).ToHaveTextAsync("mad max");
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Highlights_show_as_marks_and_the_rest_of_the_snippet_as_text()
    {
        await using var page = await browser.OpenAsync("/search?q=wolf");
        await page.WaitForViewAsync();

        var heading = page.Page.Locator(".result-title", new() { HasText = "10th" });
        await Expect(heading).ToHaveTextAsync("10th & Wolf");
        await Expect(heading.Locator("mark")).ToHaveTextAsync("Wolf");
        Assert.Equal(0, await heading.Locator("*:not(a):not(mark)").CountAsync());
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Two_genre_facets_combine_as_any_of_with_the_api_counts_and_back_and_forward_restore_them()
    {
        await using var page = await browser.OpenAsync("/search?q=love");
        await page.WaitForViewAsync();

        await Facet(page, "Comedy").CheckAsync();
        await page.Page.WaitForURLAsync("**/search?q=love&genre=Comedy");
        await page.WaitForViewAsync();
        await Facet(page, "Drama").CheckAsync();
        await page.Page.WaitForURLAsync("**/search?q=love&genre=Comedy&genre=Drama");
        await page.WaitForViewAsync();
        await ExpectMatchesApiAsync(page, "Comedy", "Drama");
        await Expect(Facet(page, "Comedy")).ToBeCheckedAsync();
        await Expect(Facet(page, "Drama")).ToBeCheckedAsync();
        await page.ScreenshotAsync("search");

        await Facet(page, "Comedy").UncheckAsync();
        await page.Page.WaitForURLAsync("**/search?q=love&genre=Drama");
        await page.WaitForViewAsync();
        await ExpectMatchesApiAsync(page, "Drama");

        await page.Page.GoBackAsync();
        await page.WaitForViewAsync();
        await Expect(Facet(page, "Comedy")).ToBeCheckedAsync();
        await ExpectMatchesApiAsync(page, "Comedy", "Drama");

        await page.Page.GoForwardAsync();
        await page.WaitForViewAsync();
        await Expect(Facet(page, "Comedy")).Not.ToBeCheckedAsync();
        await ExpectMatchesApiAsync(page, "Drama");
        page.AssertClean();
    }

    [SkippableFact]
    public async Task Release_and_added_date_ranges_with_the_rating_sort_show_what_the_api_answers()
    {
        await using var page = await browser.OpenAsync("/search?q=love");
        await page.WaitForViewAsync();

        await page.Page.GetByRole(AriaRole.Group, new() { Name = "Released", Exact = true }).GetByLabel("From").FillAsync("1995-01-01");
        await page.Page.GetByRole(AriaRole.Group, new() { Name = "Released", Exact = true }).GetByLabel("To").FillAsync("2005-12-31");
        await page.Page.GetByRole(AriaRole.Group, new() { Name = "Added to the catalog", Exact = true }).GetByLabel("From").FillAsync("2006-01-01");
        await page.Page.GetByRole(AriaRole.Group, new() { Name = "Added to the catalog", Exact = true }).GetByLabel("To").FillAsync("2010-09-30");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply dates" }).ClickAsync();
        await page.Page.WaitForURLAsync("**/search?q=love&released=1995-01-01..2005-12-31&added=2006-01-01..2010-09-30");
        await page.WaitForViewAsync();
        await page.Page.GetByLabel("Sort by").SelectOptionAsync("RATING");
        await page.Page.WaitForURLAsync(new Regex("[?&]sort=RATING$"));
        await page.WaitForViewAsync();

        var expected = await browser.Server.ApiAsync(
            "query($f: TitleFilter) { search(query: \"love\", filter: $f, sort: RATING, first: 20) { totalCount nodes { name } } }",
            new { f = new { released = new { from = "1995-01-01", to = "2005-12-31" }, added = new { from = "2006-01-01T00:00:00Z", to = "2010-09-30T23:59:59Z" } } });
        var names = expected.Data.At("search.nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToArray();
        Assert.NotEmpty(names);
        Assert.True(expected.Data.At("search.totalCount").GetInt32() < (await TotalAsync("love", null)), "the ranges must narrow the results");
        await Expect(page.Page.Locator(".result-title")).ToHaveTextAsync(names);
        await Expect(page.Page.Locator(".result-count")).ToContainTextAsync($"{Count(expected.Data.At("search.totalCount").GetInt32())} title");
        page.AssertClean();
    }

    private static ILocator Facet(BrowserPage page, string value) =>
        page.Page.Locator("fieldset[data-facet=GENRE]").GetByRole(AriaRole.Checkbox, new() { Name = value });

    private async Task<int> TotalAsync(string q, string[]? genres) =>
        (await browser.Server.ApiAsync(FacetQuery, new { q, f = genres is null ? null : new { genres } })).Data.At("search.totalCount").GetInt32();

    /// <summary>The count line and every genre facet count on the page equal the API's answer for the same filter.</summary>
    private async Task ExpectMatchesApiAsync(BrowserPage page, params string[] genres)
    {
        var answer = (await browser.Server.ApiAsync(FacetQuery, new { q = "love", f = new { genres } })).Data.At("search");
        await Expect(page.Page.Locator(".result-count")).ToContainTextAsync($"{Count(answer.GetProperty("totalCount").GetInt32())} title");
        var genreFacet = answer.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "GENRE");
        foreach (var value in genreFacet.GetProperty("values").EnumerateArray())
        {
            var label = page.Page.Locator("fieldset[data-facet=GENRE] label", new() { Has = page.Page.Locator($"input[value=\"{value.GetProperty("value").GetString()}\"]") });
            await Expect(label.Locator(".facet-count")).ToHaveTextAsync(Count(value.GetProperty("count").GetInt32()));
        }
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
}
