using Microsoft.Playwright;

namespace Catalog.Api.Tests.Browser;

/// <summary>
/// One <see cref="CatalogServer"/> and one headless Chromium shared by every test in the
/// <see cref="BrowserTestGroup"/> (their startup is paid once). Each test opens its own pages, each in a
/// fresh browser context (no shared cookies or storage).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public CatalogServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await CatalogServer.StartAsync();
        if (!Chromium.IsInstalled)
            return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    /// <summary>
    /// Opens <paramref name="path"/> (relative to the server) in a new context of the given viewport and waits
    /// for the load event. Skips the test when Chromium is missing (fails under CATALOG_REQUIRE_EXTERNAL=1).
    /// </summary>
    public async Task<BrowserPage> OpenAsync(string path, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A blank page in a new context, already recording; use it to set storage before the first navigation.</summary>
    public async Task<BrowserPage> NewPageAsync(int width = 1280, int height = 800)
    {
        Chromium.SkipUnlessInstalled();
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await BrowserPage.CreateAsync(context, Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
        playwright?.Dispose();
        if (Server is not null)
            await Server.DisposeAsync();
    }
}

/// <summary>
/// Browser tests share one server and one browser: put <c>[Collection(BrowserTestGroup.Name)]</c> on the class. They
/// run alone, for the reason <see cref="Fixtures.InProcessHostGroup"/> gives (the server is built in-process).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
