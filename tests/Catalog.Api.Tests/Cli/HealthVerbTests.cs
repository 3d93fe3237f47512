using Catalog.Api.Cli;
using Catalog.Api.Tests.Crash;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Cli;

/// <summary>
/// <c>catalog health URL</c>, the compose health check (the runtime image has no curl): exit 0 only when
/// a real server answers the URL with 2xx.
/// </summary>
[Collection(InProcessHostGroup.Name)]
public sealed class HealthVerbTests
{
    [Fact(Timeout = 300_000)]
    public async Task Exits_0_for_a_ready_server_and_1_for_a_missing_path_or_nobody_listening()
    {
        await using var sandbox = new CrashSandbox();
        await sandbox.StartServerAsync();
        var server = sandbox.Client!.BaseAddress!;

        var ready = await RunAsync("health", new Uri(server, "/health/ready").ToString());
        Assert.Equal((0, $"200 OK from {new Uri(server, "/health/ready")}"), (ready.Exit, ready.Output.Trim()));

        var missing = await RunAsync("health", new Uri(server, "/health/nope").ToString());
        Assert.Equal(1, missing.Exit);
        Assert.StartsWith("404", missing.Output, StringComparison.Ordinal);

        var nobody = await RunAsync("health", $"http://127.0.0.1:{CatalogProcess.FreePort()}/health/ready");
        Assert.Equal(1, nobody.Exit);
        Assert.StartsWith("unreachable", nobody.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("ftp://127.0.0.1/health/ready")]
    public async Task A_url_that_is_not_absolute_http_is_refused(string url)
    {
        Assert.NotEqual(0, (await RunAsync("health", url)).Exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CatalogCli.RunAsync(args, output);
        return (exit, output.ToString());
    }
}
