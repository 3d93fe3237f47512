using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Catalog.Store;

/// <summary>
/// The shared store for several replicas; its migrations live in <c>Migrations/Postgres</c>.
/// Text compares and sorts bytewise (collation "C") as SQLite does, so keyset paging and ids behave
/// the same on both providers. Writers serialise on <see cref="PostgresWriteLock"/>.
/// </summary>
public sealed class PostgresCatalogDbContext(DbContextOptions<PostgresCatalogDbContext> options, TimeProvider clock)
    : CatalogDbContext(options, clock)
{
    /// <summary>
    /// Advisory-lock key held while one replica migrates and runs its start-up work (seeding an empty
    /// store); the others wait, then find nothing to do.
    /// </summary>
    internal const long MigrationLockKey = 0x43_61_74_4D_69_67; // "CatMig"

    internal override async Task MigrateAsync(Func<CancellationToken, Task> exclusively, CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);
        // A session lock on one open connection: EF's migrator runs on the same connection.
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                // Migrating opens a transaction, which waits for the write lock (PostgresWriteLock): with
                // nothing to apply, a replica starting during a long import must not wait for it to commit.
                if ((await Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                    await Database.MigrateAsync(cancellationToken);
                await exclusively(cancellationToken);
            }
            finally
            {
                await Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string))
                property.SetCollation("C");
        }
    }

    /// <summary>Replicas starting together on a fresh server may race to create the database; one wins.</summary>
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var creator = this.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it between our check and our create.
        }
    }
}
