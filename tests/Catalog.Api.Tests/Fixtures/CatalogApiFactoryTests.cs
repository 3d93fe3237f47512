using System.Net;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Fixtures;

public sealed class CatalogApiFactoryTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task Host_serves_over_a_migrated_empty_store_in_its_own_folder()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "catalog.db")));
        await using var db = factory.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.False(await db.Titles.AnyAsync());
    }

    [Fact]
    public async Task Seeded_titles_are_in_the_store_and_searchable_at_once()
    {
        await factory.SeedTitlesAsync(CatalogApiFactory.NewTitle("fixture-seed-1", "Fixture Seed"));

        await using var db = factory.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.Equal("Fixture Seed", (await db.Titles.SingleAsync(t => t.Id == "fixture-seed-1")).Name);
        var search = await factory.CreateClient().PostGraphQLAsync("{ search(query: \"fixture seed\") { nodes { id } } }");
        Assert.Equal("fixture-seed-1", search.EnsureSuccess().Data.At("search.nodes.0.id").GetString());
    }
}
