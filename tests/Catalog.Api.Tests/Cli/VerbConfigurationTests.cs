using Catalog.Api.Tests.Fixtures;
using Catalog.Api.Cli;
using Catalog.Api.Hosting;
using Catalog.Store;
using Catalog.Store.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Cli;

public sealed class VerbConfigurationTests : IDisposable
{
    private readonly TempFolder _temp = new("catalog-verb-config-tests");

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task Imports_from_the_command_line_honour_the_configured_trailer_hosts(bool allowHost, int expectedTrailers)
    {
        var input = Path.Combine(Dir, "titles.json");
        await File.WriteAllTextAsync(input, """
            [{"id":"heat-1995","name":"Heat","trailers":[{"url":"https://trailers.example.org/heat.mp4"}]}]
            """);
        string[] args = allowHost ? ["--Catalog:Trailers:AllowedHosts:0=trailers.example.org"] : [];

        using var host = await VerbHost.StartAsync(new CommonSettings(Path.Combine(Dir, $"data-{allowHost}"), args), CancellationToken.None);
        var summary = await host.Services.GetRequiredService<TitleImporter>().ImportAsync(input, new ImportOptions());

        Assert.Equal(1, summary.Inserted);
        await using var db = host.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.Equal(expectedTrailers, await db.Trailers.CountAsync());
    }
}
