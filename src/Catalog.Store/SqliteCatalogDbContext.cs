using Microsoft.EntityFrameworkCore;

namespace Catalog.Store;

/// <summary>The embedded default; its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options, TimeProvider clock)
    : CatalogDbContext(options, clock)
{
    /// <summary>
    /// Migrates, then switches to WAL so readers never wait for the writer. One process serves a SQLite
    /// store, so <paramref name="exclusively"/> needs no lock.
    /// </summary>
    internal override async Task MigrateAsync(Func<CancellationToken, Task> exclusively, CancellationToken cancellationToken)
    {
        await Database.MigrateAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await exclusively(cancellationToken);
    }
}
