using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Catalog.Api.Tests.Browser;

/// <summary>
/// A page in its own browser context that records what a person would notice went wrong: console errors
/// and uncaught exceptions, failed or error responses from the server, and any request to another origin
/// (those are aborted, so no test reaches the internet).
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> consoleErrors = new();
    private readonly ConcurrentQueue<string> failedRequests = new();
    private readonly ConcurrentQueue<string> foreignRequests = new();

    private BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Console messages of type error and uncaught page exceptions.</summary>
    public IReadOnlyCollection<string> ConsoleErrors => consoleErrors;

    /// <summary>Same-origin requests that failed at the network level or got a 4xx/5xx answer.</summary>
    public IReadOnlyCollection<string> FailedRequests => failedRequests;

    /// <summary>Requests (http, https, ws) to any origin other than the server's.</summary>
    public IReadOnlyCollection<string> ForeignRequests => foreignRequests;

    /// <summary>Where <see cref="ScreenshotAsync"/> writes: <c>&lt;test output&gt;/screenshots</c>.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    internal static async Task<BrowserPage> CreateAsync(IBrowserContext context, Uri server)
    {
        var origin = server.GetLeftPart(UriPartial.Authority);
        var page = new BrowserPage(context, await context.NewPageAsync());
        await context.RouteAsync(url => IsForeign(url, origin), route => route.AbortAsync("blockedbyclient"));
        page.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
                page.consoleErrors.Enqueue($"{message.Text} ({message.Location})");
        };
        page.Page.PageError += (_, error) => page.consoleErrors.Enqueue($"uncaught: {error}");
        page.Page.Request += (_, request) =>
        {
            if (IsForeign(request.Url, origin))
                page.foreignRequests.Enqueue($"{request.Method} {request.Url}");
        };
        page.Page.RequestFailed += (_, request) =>
        {
            if (!IsForeign(request.Url, origin))
                page.failedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        };
        page.Page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsForeign(response.Url, origin))
                page.failedRequests.Enqueue($"{response.Request.Method} {response.Url}: {response.Status}");
        };
        return page;
    }

    private static bool IsForeign(string url, string origin) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "ws" or "wss"
        && !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase);

    /// <summary>Navigates to <paramref name="path"/> (relative to the server) and returns the main response.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return response ?? throw new InvalidOperationException($"No response navigating to {path}.");
    }

    /// <summary>Asserts that nothing went wrong so far: no console errors, failed requests or foreign requests.</summary>
    public void AssertClean()
    {
        Assert.True(consoleErrors.IsEmpty, "Console errors:\n" + string.Join("\n", consoleErrors));
        Assert.True(failedRequests.IsEmpty, "Failed requests:\n" + string.Join("\n", failedRequests));
        Assert.True(foreignRequests.IsEmpty, "Requests to other origins:\n" + string.Join("\n", foreignRequests));
    }

    /// <summary>Saves a PNG of the viewport (or the whole page) as <c>&lt;test output&gt;/screenshots/&lt;name&gt;.png</c>; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = false)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
