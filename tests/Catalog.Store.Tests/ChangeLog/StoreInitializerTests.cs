using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Store.Tests.ChangeLog;

public sealed class StoreInitializerTests
{
    [Fact]
    public async Task A_fresh_folder_is_created_migrated_and_switched_to_wal_with_foreign_keys_on()
    {
        await using var store = await TempStore.CreateAsync();
        Assert.True(File.Exists(Path.Combine(store.Directory, "catalog.db")));

        await using var db = store.Open();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal(1L, await Pragma(db, "foreign_keys"));
        Assert.Equal(30000L, await Pragma(db, "busy_timeout"));
    }

    [Fact]
    public async Task Initializing_twice_is_harmless()
    {
        await using var store = await TempStore.CreateAsync();
        await store.Services.GetRequiredService<StoreInitializer>().InitializeAsync();
        await using var db = store.Open();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task<object?> Pragma(DbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync();
    }
}
