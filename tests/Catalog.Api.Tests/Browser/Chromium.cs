using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium, which Playwright drives instead of a downloaded browser. Browser tests skip with a
/// reason when it is missing, except under <c>CATALOG_REQUIRE_EXTERNAL=1</c> (CI), where they fail.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Flags that keep a headless Chromium quiet, offline apart from the pages' own requests, and runnable as root.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static void SkipUnlessInstalled() =>
        ExternalProgram.SkipOrFailUnless(IsInstalled,
            $"Chromium is not installed at {ExecutablePath}; install it with `apt-get install -y chromium` to run the browser tests.");
}
