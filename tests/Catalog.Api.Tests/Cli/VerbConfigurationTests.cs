using Catalog.Api.Cli;
using Catalog.Api.Hosting;
using Catalog.Store;
using Catalog.Store.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Cli;

public sealed class VerbConfigurationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "catalog-verb-config-tests", Guid.NewGuid().ToString("N"));

    public VerbConfigurationTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task Imports_from_the_command_line_honour_the_configured_trailer_hosts(bool allowHost, int expectedTrailers)
    {
        var input = Path.Combine(_dir, "titles.json");
        await File.WriteAllTextAsync(input, """
            [{"id":"heat-1995","name":"Heat","trailers":[{"url":"https://trailers.example.org/heat.mp4"}]}]
            """);
        string[] args = allowHost ? ["--Catalog:Trailers:AllowedHosts:0=trailers.example.org"] : [];

        using var host = await VerbHost.StartAsync(new CommonSettings(Path.Combine(_dir, $"data-{allowHost}"), args), CancellationToken.None);
        var summary = await host.Services.GetRequiredService<TitleImporter>().ImportAsync(input, new ImportOptions());

        Assert.Equal(1, summary.Inserted);
        await using var db = host.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.Equal(expectedTrailers, await db.Trailers.CountAsync());
    }
}
