using Catalog.Api.Cli;
using Catalog.Api.Tests.Fixtures;
using Catalog.Core;
using Catalog.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Api.Tests.Cli;

/// <summary><c>catalog stats</c> shows the change log's size, its oldest retained and newest sequence, and the compaction watermark.</summary>
[Collection(InProcessHostGroup.Name)]
public sealed class StatsVerbTests : IDisposable
{
    private readonly TempFolder _temp = new("catalog-stats-tests");

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private string Data => Path.Combine(Dir, "data");

    [Fact]
    public async Task Stats_show_the_change_log_before_and_after_compaction()
    {
        await ImportAsync("Heat", "Alien", "Up");
        await ImportAsync("Heat (1995)", "Alien (1979)", "Up (2009)");
        var before = await RunAsync("stats");
        Assert.Equal(0, before.Exit);
        Assert.Contains("change log: 6 entries, oldest retained 1, newest 6, compacted through 0", before.Output, StringComparison.Ordinal);

        await CompactAsync();

        var after = await RunAsync("stats");
        Assert.Equal(0, after.Exit);
        Assert.Contains("change log: 3 entries, oldest retained 4, newest 6, compacted through 3", after.Output, StringComparison.Ordinal);
    }

    private async Task ImportAsync(params string[] names)
    {
        var input = Path.Combine(Dir, "titles.json");
        await File.WriteAllTextAsync(input, $$"""
            {"format":"catalog-json","version":1,"titles":[
             {"id":"heat-1995","name":"{{names[0]}}"},{"id":"alien-1979","name":"{{names[1]}}"},{"id":"up-2009","name":"{{names[2]}}"}]}
            """);
        Assert.Equal(0, (await RunAsync("import", input)).Exit);
    }

    /// <summary>Compaction as a serving process runs it, with a catalog clock past the retention.</summary>
    private async Task CompactAsync()
    {
        var catalog = new CatalogOptions { DataDirectory = Data };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + new StoreOptions().ChangeLogRetention + TimeSpan.FromDays(1));
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(catalog))
            .AddCatalogStore(catalog, new StoreOptions())
            .BuildServiceProvider();
        Assert.Equal(3, await services.GetRequiredService<ChangeLogCompactor>().CompactAsync(CancellationToken.None));
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CatalogCli.RunAsync([.. args, "--data", Data], output);
        return (exit, output.ToString());
    }
}
