using Catalog.Api.Tests.Fixtures;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>
/// Titles read from the store are shared by later requests until the served index moves or this replica runs a
/// mutation, and never across a write either of them reports. Requests carry a viewer's token, so the response cache
/// (anonymous answers only) is out of the way.
/// </summary>
public sealed class TitleCacheTests(TitleCacheTests.SeededApi api) : IClassFixture<TitleCacheTests.SeededApi>
{
    public sealed class SeededApi : CatalogApiFactory<OnSqlite>
    {
        protected override async Task SeedAsync() => await this.SeedTitlesAsync(
            NewTitle("kept", "Kept Name"), NewTitle("applied", "Applied Name"), NewTitle("edited", "Edited Name"), NewTitle("other", "Other"));
    }

    private const string NameOf = "query($id: ID!) { title(id: $id) { name } }";

    private async Task<string?> NameAsync(string id) =>
        (await api.CreateClient(api.ViewerToken()).PostGraphQLAsync(NameOf, new { id })).EnsureSuccess().Data.At("title.name").GetString();

    /// <summary>A write that bypasses the change log: committed in the store, unseen by the index (as before it catches up).</summary>
    private async Task RenameBehindTheIndexAsync(string id, string name)
    {
        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        await db.Titles.Where(t => t.Id == id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Name, name));
    }

    [Fact]
    public async Task A_title_is_served_as_read_until_a_mutation_runs_on_this_replica()
    {
        Assert.Equal("Kept Name", await NameAsync("kept"));
        await RenameBehindTheIndexAsync("kept", "Renamed Unseen");

        Assert.Equal("Kept Name", await NameAsync("kept"));

        (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync("""mutation { setTags(titleId: "other", tags: ["any"]) { id } }""")).EnsureSuccess();
        Assert.Equal("Renamed Unseen", await NameAsync("kept"));
    }

    [Fact]
    public async Task A_change_the_index_has_applied_is_read_from_the_store()
    {
        Assert.Equal("Applied Name", await NameAsync("applied"));
        await using (var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create())
        {
            var title = await db.Titles.SingleAsync(t => t.Id == "applied");
            title.Name = "Applied Again";
            await db.SaveChangesAsync();
        }

        await api.CatchUpIndexAsync();

        Assert.Equal("Applied Again", await NameAsync("applied"));
    }

    [Fact]
    public async Task A_mutation_answers_with_what_it_wrote_and_later_reads_see_it()
    {
        Assert.Equal("Edited Name", await NameAsync("edited"));

        var saved = (await api.CreateClient(api.CuratorToken()).PostGraphQLAsync(
            """mutation { upsertTitle(input: { id: "edited", name: "Edited Twice" }) { name } }""")).EnsureSuccess();

        Assert.Equal("Edited Twice", saved.Data.At("upsertTitle.name").GetString());
        Assert.Equal("Edited Twice", await NameAsync("edited"));
    }
}
