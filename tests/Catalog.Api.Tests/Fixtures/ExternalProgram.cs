namespace Catalog.Api.Tests.Fixtures;

/// <summary>
/// Tests that need a program from outside the repository (Chromium, varnishd) skip with the reason when
/// it is missing, except under <c>CATALOG_REQUIRE_EXTERNAL=1</c> (CI), where they fail.
/// </summary>
public static class ExternalProgram
{
    public static bool Required => Environment.GetEnvironmentVariable("CATALOG_REQUIRE_EXTERNAL") == "1";

    public static void SkipOrFailUnless(bool installed, string whyMissing)
    {
        if (installed)
            return;
        if (Required)
            throw new InvalidOperationException($"CATALOG_REQUIRE_EXTERNAL=1 but {whyMissing}");
        Skip.If(true, whyMissing);
    }
}
