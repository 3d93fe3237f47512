using System.Text.Json;
using Catalog.Api.Cli;
using Microsoft.Data.Sqlite;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Cli;

[Collection(InProcessHostGroup.Name)]
public abstract class ImportVerbTests<TStore> : IClassFixture<TestStoreFixture<TStore>>, IDisposable
    where TStore : ITestStore
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "catalog-import-verb-tests", Guid.NewGuid().ToString("N"));
    private readonly TestStoreFixture<TStore> store;

    protected ImportVerbTests(TestStoreFixture<TStore> store)
    {
        this.store = store;
        Directory.CreateDirectory(_dir);
    }

    /// <summary>The verb's command line over this class's store.</summary>
    private Task<int> RunAsync(string[] args, TextWriter output) =>
        CatalogCli.RunAsync([.. args, "--data", Path.Combine(_dir, "data"), .. store.Database.CommandLine], output);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
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

    [SkippableFact]
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

        var exit = await RunAsync(["import", input, "--json"], output);

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

    [SkippableFact]
    public async Task Import_of_a_missing_file_fails_with_exit_code_2()
    {
        var exit = await RunAsync(["import", Path.Combine(_dir, "nope.json"), "--json"], new StringWriter());

        Assert.Equal(2, exit);
    }
}

public sealed class ImportVerbTestsOnSqlite(TestStoreFixture<OnSqlite> store) : ImportVerbTests<OnSqlite>(store);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ImportVerbTestsOnPostgres(TestStoreFixture<OnPostgres> store) : ImportVerbTests<OnPostgres>(store);
