using Catalog.Core;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Store.Tests.ChangeLog;

/// <summary>What only the PostgreSQL provider does: start-up by several replicas at once, native column types.</summary>
public sealed class PostgresStoreTests
{
    [SkippableFact]
    public async Task Replicas_starting_together_on_an_empty_database_apply_each_migration_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connectionString };
            var replicas = Enumerable.Range(0, 4)
                .Select(_ => TempStore.BuildServices(Path.GetTempPath(), options, TimeProvider.System)).ToList();

            await Task.WhenAll(replicas.Select(r => Task.Run(() => r.GetRequiredService<StoreInitializer>().InitializeAsync())));

            await using var db = replicas[0].GetRequiredService<ICatalogDbFactory>().Create();
            var applied = await db.Database.SqlQuery<string>($"""SELECT "MigrationId" AS "Value" FROM __migrations""").ToListAsync();
            Assert.Equal(db.Database.GetMigrations().Order(), applied.Order());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            foreach (var replica in replicas)
                await replica.DisposeAsync();
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [SkippableFact]
    public async Task A_missing_database_is_created_at_start()
    {
        await TestPostgres.RequireAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString)
        {
            Database = "catalog_test_" + Guid.NewGuid().ToString("N"),
        }.ToString();
        try
        {
            var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connectionString };
            await using var services = TempStore.BuildServices(Path.GetTempPath(), options, TimeProvider.System);
            await services.GetRequiredService<StoreInitializer>().InitializeAsync();

            await using var db = services.GetRequiredService<ICatalogDbFactory>().Create();
            Assert.Equal(0, await db.Titles.CountAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [SkippableFact]
    public async Task Instants_are_timestamptz_lists_are_text_arrays_and_ids_sort_bytewise()
    {
        await using var store = await TempStore.CreateAsync(StoreProvider.Postgres);
        await using var db = store.Open();
        var types = await db.Database.SqlQuery<string>($"""
            SELECT table_name || '.' || column_name || '=' || data_type || ':' || coalesce(collation_name, '') AS "Value"
            FROM information_schema.columns
            WHERE (table_name, column_name) IN (('Titles', 'AddedAt'), ('ChangeLog', 'At'), ('Titles', 'Tags'), ('Titles', 'Id'))
            """).ToListAsync();
        Assert.Equal(
            ["ChangeLog.At=timestamp with time zone:", "Titles.AddedAt=timestamp with time zone:", "Titles.Id=character varying:C", "Titles.Tags=ARRAY:"],
            types.Order(StringComparer.Ordinal));

        db.Titles.AddRange(ChangeLogTests.NewTitle("b"), ChangeLogTests.NewTitle("B"), ChangeLogTests.NewTitle("a"));
        await db.SaveChangesAsync();
        Assert.Equal(["B", "a", "b"], await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_the_key_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection()
            .AddCatalogStore(new CatalogOptions(), new StoreOptions { Provider = StoreProvider.Postgres }));
        Assert.Contains("Catalog:Store:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
