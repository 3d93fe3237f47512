using System.Net;
using Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Fixtures;

public abstract class CatalogApiFactoryTests<TStore>(CatalogApiFactory<TStore> factory) : IClassFixture<CatalogApiFactory<TStore>>
    where TStore : ITestStore
{
    [SkippableFact]
    public async Task Host_serves_over_a_migrated_empty_store_of_the_fixtures_provider()
    {
        // Ready includes the store health check, so this proves the provider's check answers too.
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = factory.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.IsType(TStore.Provider == StoreProvider.Postgres ? typeof(PostgresCatalogDbContext) : typeof(SqliteCatalogDbContext), db);
        Assert.Equal(TStore.Provider == StoreProvider.Sqlite, File.Exists(Path.Combine(factory.DataDirectory, "catalog.db")));
        Assert.False(await db.Titles.AnyAsync());
    }

    [SkippableFact]
    public async Task Seeded_titles_are_in_the_store_and_searchable_at_once()
    {
        await factory.SeedTitlesAsync(CatalogApiFactory.NewTitle("fixture-seed-1", "Fixture Seed"));

        await using var db = factory.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.Equal("Fixture Seed", (await db.Titles.SingleAsync(t => t.Id == "fixture-seed-1")).Name);
        var search = await factory.CreateClient().PostGraphQLAsync("{ search(query: \"fixture seed\") { nodes { id } } }");
        Assert.Equal("fixture-seed-1", search.EnsureSuccess().Data.At("search.nodes.0.id").GetString());
    }
}

public sealed class CatalogApiFactoryTestsOnSqlite(CatalogApiFactory<OnSqlite> factory) : CatalogApiFactoryTests<OnSqlite>(factory);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class CatalogApiFactoryTestsOnPostgres(CatalogApiFactory<OnPostgres> factory) : CatalogApiFactoryTests<OnPostgres>(factory);
