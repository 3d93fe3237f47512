using System.Net.Http.Headers;
using Catalog.Api.Auth;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Catalog.Api.Tests.Browser;

/// <summary>
/// What the browse-page tests need besides a page: tokens the server accepts, API calls to compare the page
/// with, and a signed-in page (the app keeps its bearer token in sessionStorage).
/// </summary>
public static class WebAppSession
{
    private const string TokenKey = "catalog.token";

    public static string ViewerToken(this CatalogServer server, string id, string? name = null) =>
        Token(server, id, name ?? id, AuthOptions.ViewerRole);

    public static string CuratorToken(this CatalogServer server, string id, string? name = null) =>
        Token(server, id, name ?? id, AuthOptions.CuratorRole);

    private static string Token(CatalogServer server, string id, string name, string role) =>
        DevelopmentTokens.Create(server.Services.GetRequiredService<IOptions<AuthOptions>>().Value, id, name, role, TimeProvider.System.GetUtcNow());

    /// <summary>Runs a GraphQL operation against the same server, as the page would (POST), and fails on errors.</summary>
    public static async Task<GraphQLResponse> ApiAsync(this CatalogServer server, string query, object? variables = null, string? token = null)
    {
        using var client = server.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.PostGraphQLAsync(query, variables)).EnsureSuccess();
    }

    /// <summary>A page that is signed in with <paramref name="token"/> from its first navigation on.</summary>
    public static async Task<BrowserPage> OpenSignedInAsync(this BrowserFixture browser, string path, string token, int width = 1280, int height = 800)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.Page.Context.AddInitScriptAsync($"sessionStorage.setItem('{TokenKey}', '{token}')");
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Waits until the app has drawn the view (the router clears aria-busy on &lt;main&gt; when it is done).</summary>
    public static async Task WaitForViewAsync(this BrowserPage page)
    {
        await Assertions.Expect(page.Page.Locator("main#main:not([aria-busy])")).ToBeAttachedAsync();
        await Assertions.Expect(page.Page.Locator("main h1")).ToBeAttachedAsync();
    }

    /// <summary>Texts of the elements <paramref name="selector"/> matches, in document order.</summary>
    public static async Task<IReadOnlyList<string>> TextsAsync(this BrowserPage page, string selector) =>
        (await page.Page.Locator(selector).AllTextContentsAsync()).Select(t => t.Trim()).ToList();
}
