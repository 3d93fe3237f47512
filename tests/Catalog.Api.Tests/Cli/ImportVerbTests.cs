using System.Text.Json;
using Catalog.Api.Cli;
using Microsoft.Data.Sqlite;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Cli;

[Collection(InProcessHostGroup.Name)]
public sealed class ImportVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "catalog-import-verb-tests", Guid.NewGuid().ToString("N"));

    public ImportVerbTests() => Directory.CreateDirectory(_dir);

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

    [Fact]
    public async Task Import_json_prints_the_summary_with_web_casing()
    {
        var input = Path.Combine(_dir, "titles.json");
        await File.WriteAllTextAsync(input, """
            {"format":"catalog-json","version":1,"titles":[
              {"id":"heat-1995","name":"Heat","releaseDate":"1995-12-15","colour":"red"},
              {"id":"bad id","name":"Bad"}
            ]}
            """);
        var output = new StringWriter();

        var exit = await CatalogCli.RunAsync(["import", input, "--json", "--data", Path.Combine(_dir, "data")], output);

        Assert.Equal(0, exit);
        using var summary = JsonDocument.Parse(output.ToString());
        var root = summary.RootElement;
        Assert.Equal(["inserted", "updated", "skipped", "rejected", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 0, 0), (root.GetProperty("inserted").GetInt32(), root.GetProperty("updated").GetInt32(), root.GetProperty("skipped").GetInt32()));
        var rejected = Assert.Single(root.GetProperty("rejected").EnumerateArray().ToList());
        Assert.Equal(["record", "id", "name", "reason"], rejected.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, "bad id", "Bad"), (rejected.GetProperty("record").GetInt32(), rejected.GetProperty("id").GetString(), rejected.GetProperty("name").GetString()));
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray().ToList());
        Assert.Equal("unknown property 'colour' ignored", warning.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Import_of_a_missing_file_fails_with_exit_code_2()
    {
        var exit = await CatalogCli.RunAsync(["import", Path.Combine(_dir, "nope.json"), "--json", "--data", Path.Combine(_dir, "data")], new StringWriter());

        Assert.Equal(2, exit);
    }
}
