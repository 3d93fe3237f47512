using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Import;

/// <summary>
/// A larger SQLite page cache for the length of one import (<see cref="StoreOptions.ImportCacheMiB"/>). With
/// SQLite's default of 2 MiB a bulk load spills modified pages into the WAL long before it commits and writes
/// the same index pages there again and again: about a fifth of an import's CPU at 100k titles and half its
/// system time. Durability is unchanged: the commit writes and syncs every page as before. The connection
/// goes back to the pool with its own setting.
/// </summary>
internal sealed class ImportPageCache : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly long previous;

    private ImportPageCache(SqliteConnection connection, long previous) => (this.connection, this.previous) = (connection, previous);

    /// <summary>Widens the cache of the context's open SQLite connection; null on other providers or when <paramref name="mebibytes"/> is 0.</summary>
    public static async Task<ImportPageCache?> WidenAsync(CatalogDbContext db, int mebibytes, CancellationToken cancellationToken)
    {
        if (mebibytes <= 0 || db.Database.GetDbConnection() is not SqliteConnection { State: ConnectionState.Open } connection)
            return null;
        var previous = await PragmaAsync(connection, "PRAGMA cache_size;", cancellationToken);
        // A negative cache_size is a size in KiB rather than a page count.
        await PragmaAsync(connection, $"PRAGMA cache_size = {-(long)mebibytes * 1024};", cancellationToken);
        return new ImportPageCache(connection, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.State == ConnectionState.Open)
            await PragmaAsync(connection, $"PRAGMA cache_size = {previous};", CancellationToken.None);
    }

    private static async Task<long> PragmaAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
    }
}
