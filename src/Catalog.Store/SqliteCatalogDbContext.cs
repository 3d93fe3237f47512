using System.Globalization;
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

    /// <summary>
    /// A page cache of 128 MiB for the write instead of the default 2 MB: an import's inserts land all
    /// over the title, id and change-log B-trees, and with the small cache SQLite spilled and re-read their
    /// pages through the WAL file for every batch. The connection goes back to the pool with its old size.
    /// </summary>
    internal override async Task<IAsyncDisposable> BulkWriteSettingsAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        var previous = await PragmaAsync("PRAGMA cache_size;", cancellationToken);
        await PragmaAsync("PRAGMA cache_size = -131072;", cancellationToken);
        return new CacheSize(this, Convert.ToInt64(previous, CultureInfo.InvariantCulture));
    }

    private async Task<object?> PragmaAsync(string pragma, CancellationToken cancellationToken)
    {
        await using var command = Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class CacheSize(SqliteCatalogDbContext db, long previous) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.PragmaAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {previous};"), CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
