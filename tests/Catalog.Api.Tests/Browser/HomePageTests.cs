using Catalog.Api.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Api.Tests.Browser;

/// <summary>The home page: the rails as the API answers them, page weight, keyboard basics, phone width.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HomePageTests(BrowserFixture browser)
{
    /// <summary>
    /// The words of poster-tile names wider than their line, which the browser must cut in two ("The Expendable|s"). The
    /// small thumbnails beside search results are left out: the full name is the heading next to them.
    /// </summary>
    private const string WordsWiderThanTheirTile = """
        () => {
          const context = document.createElement('canvas').getContext('2d');
          return [...document.querySelectorAll('.tile:not(.tile-sm) .tile-name')].flatMap(name => {
            const style = getComputedStyle(name);
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            return name.textContent.split(/\s+/).filter(word => word && context.measureText(word).width > name.clientWidth);
          });
        }
        """;

    private const string Rails = """
        {
          newArrivals(first: 12) { nodes { name } }
          newReleases(first: 12) { nodes { name } }
          recentlyAdded(first: 12) { nodes { name } }
          comingSoon(first: 12) { nodes { name } }
          leavingSoon(first: 12) { nodes { name } }
          topRated: search(sort: RATING, first: 12) { nodes { name } }
        }
        """;

    [SkippableFact]
    public async Task Each_rail_lists_the_titles_the_api_answers_for_it_with_its_meaning()
    {
        await using var page = await browser.OpenAsync("/");
        await page.WaitForViewAsync();

        var data = (await browser.Server.ApiAsync(Rails)).Data;
        foreach (var rail in new[] { "newArrivals", "newReleases", "recentlyAdded", "comingSoon", "leavingSoon", "topRated" })
        {
            var names = data.GetProperty(rail).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToArray();
            Assert.NotEmpty(names);
            var section = page.Page.Locator($"[data-rail={rail}]");
            await Expect(section.Locator(".card-title")).ToHaveTextAsync(names);
            await Expect(section.Locator(".rail-meaning")).Not.ToBeEmptyAsync();
        }
        // The instant the rails are evaluated at is the catalog clock's, and the meanings use its windows.
        await Expect(page.Page.Locator(".hero-instant")).ToHaveTextAsync("The catalog as of 1 Oct 2010, 00:00 UTC");
        await Expect(page.Page.Locator("[data-rail=newArrivals] .rail-meaning")).ToContainTextAsync("last 365 days");
        await page.ScreenshotAsync("home");
        page.AssertClean();
    }

    [SkippableFact]
    public async Task First_load_of_home_is_under_150_KB_of_html_css_and_js_before_compression()
    {
        await using var page = await browser.OpenAsync("/");
        await page.WaitForViewAsync();

        var bytes = await page.Page.EvaluateAsync<double>("""
            () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .filter(e => e.entryType === 'navigation' || ['script', 'link', 'css'].includes(e.initiatorType) || /\.(js|css)$/.test(e.name))
              .reduce((sum, e) => sum + e.decodedBodySize, 0)
            """);
        var scripts = await page.Page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(e => /\\.js$/.test(e.name)).length");

        Assert.True(scripts > 5, $"expected the app's modules among the resources, saw {scripts}");
        Assert.True(bytes < 150 * 1024, $"first load of / is {bytes:N0} bytes of HTML+CSS+JS");
    }

    [SkippableFact]
    public async Task Keyboard_user_skips_to_the_content_and_every_page_has_one_h1_headings_in_order_and_labelled_controls()
    {
        await using var page = await browser.OpenAsync("/");
        await page.WaitForViewAsync();
        await page.Page.Keyboard.PressAsync("Tab");
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page.Locator("main#main")).ToBeFocusedAsync();

        foreach (var path in new[] { "/", "/search?q=love&genre=Drama", "/title/the-matrix-1999", "/signin", "/curator", "/no-such-page" })
        {
            await page.GotoAsync(path);
            await page.WaitForViewAsync();
            var problems = await page.Page.EvaluateAsync<string[]>("""
                () => {
                  const out = [];
                  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
                  if (levels.filter(l => l === 1).length !== 1) out.push('h1 count ' + levels.filter(l => l === 1).length);
                  levels.forEach((l, i) => { if (i > 0 && l > levels[i - 1] + 1) out.push('heading jumps to h' + l); });
                  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
                    const named = el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent.trim();
                    if (!named) out.push('unlabelled ' + el.outerHTML.slice(0, 80));
                  }
                  if (document.documentElement.lang !== 'en') out.push('no lang');
                  return out;
                }
                """);
            Assert.True(problems.Length == 0, $"{path}: {string.Join("; ", problems)}");
        }
        page.AssertClean();
    }

    [SkippableFact]
    public async Task At_phone_width_nothing_overflows_sideways()
    {
        foreach (var path in new[] { "/", "/search?q=love", "/title/the-matrix-1999" })
        {
            await using var page = await browser.OpenAsync(path, width: 360, height: 760);
            await page.WaitForViewAsync();
            var width = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"{path} is {width}px wide at a 360px viewport");
            if (path == "/")
                await page.ScreenshotAsync("phone");
            var cut = await page.Page.EvaluateAsync<string[]>(WordsWiderThanTheirTile);
            Assert.True(cut.Length == 0, $"{path}: title words cut in two on their tiles: {string.Join(", ", cut)}");
            page.AssertClean();
        }
    }
}
