using Catalog.Api.Cli;
using Microsoft.Data.Sqlite;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Cli;

/// <summary><c>catalog verify</c> exits 0 when the index equals the store and 1, listing them, on differences.</summary>
[Collection(InProcessHostGroup.Name)]
public sealed class VerifyVerbTests : IDisposable
{
    private readonly TempFolder _temp = new("catalog-verify-tests");

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private string Data => Path.Combine(Dir, "data");

    [Fact]
    public async Task An_index_built_from_the_store_matches_and_any_difference_fails_with_the_title_named()
    {
        var input = Path.Combine(Dir, "titles.json");
        await File.WriteAllTextAsync(input, """
            {"format":"catalog-json","version":1,"titles":[
             {"id":"heat-1995","name":"Heat","tags":["Heist","crime"],"rating":{"sum":83,"count":10}},
             {"id":"alien-1979","name":"Alien","tags":["space"]},
             {"id":"up-2009","name":"Up"}]}
            """);
        Assert.Equal(0, (await RunAsync("import", input)).Exit);
        Assert.Equal(0, (await RunAsync("reindex")).Exit);

        var equal = await RunAsync("verify");
        Assert.Equal(0, equal.Exit);
        Assert.Contains("index matches the store: 3 titles", equal.Output, StringComparison.Ordinal);

        // Behind the store's back: no change-log entry, so the index cannot know.
        await ExecuteAsync("UPDATE Titles SET Name = 'Heat (director''s cut)', RatingCount = 11 WHERE Id = 'heat-1995'");
        var renamed = await RunAsync("verify");
        Assert.Equal(1, renamed.Exit);
        Assert.Contains("title 'heat-1995'", renamed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("alien-1979", renamed.Output, StringComparison.Ordinal);

        await ExecuteAsync("DELETE FROM Titles WHERE Id = 'up-2009'");
        var deleted = await RunAsync("verify");
        Assert.Equal(1, deleted.Exit);
        Assert.Contains("title 'up-2009' is in the index but not in the store", deleted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_without_an_index_does_not_verify()
    {
        var result = await RunAsync("verify");

        Assert.Equal(1, result.Exit);
        Assert.Contains("no index", result.Output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CatalogCli.RunAsync([.. args, "--data", Data], output);
        return (exit, output.ToString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "catalog.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
