using System.Data.Common;
using System.Globalization;
using Catalog.Core.Changes;
using Catalog.Core.Titles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Store.Import;

/// <summary>
/// The secondary indexes of the tables an import writes, dropped for a load into an empty SQLite store and created
/// again before it commits, each by the SQL that made it, read from <c>sqlite_master</c>. SQLite builds an index from
/// its sorted keys far faster than it inserts them row by row at random places in the B-tree (added dates, title ids
/// of the change log and trailers arrive in no order). Primary keys stay: they have no SQL of their own and cannot be
/// dropped. All of it happens inside the import's transaction, so a failed import rolls the drop back with the rows.
/// </summary>
internal sealed class DeferredIndexes
{
    private static readonly Type[] WrittenEntities = [typeof(Title), typeof(Trailer), typeof(ChangeLogEntry)];

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private IReadOnlyList<string>? definitions;

    private DeferredIndexes(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> definitions) =>
        (this.connection, this.transaction, this.definitions) = (connection, transaction, definitions);

    /// <summary>Drops the indexes inside the context's transaction; null on other providers.</summary>
    public static async Task<DeferredIndexes?> DropAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
            return null;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Indexes are dropped only inside the import's transaction.");
        var tables = WrittenEntities.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToArray();
        var indexes = new List<(string Name, string Sql)>();
        var placeholders = string.Join(", ", tables.Select((_, t) => $"$t{t}"));
        await using (var read = Command(connection, transaction, $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({placeholders}) ORDER BY rowid;"))
        {
            for (var t = 0; t < tables.Length; t++)
                read.Parameters.Add(new SqliteParameter($"$t{t}", tables[t]));
            await using var rows = await read.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
                indexes.Add((rows.GetString(0), rows.GetString(1)));
        }

        var deferred = new DeferredIndexes(connection, transaction, [.. indexes.Select(i => i.Sql)]);
        foreach (var (name, _) in indexes)
            await deferred.ScalarAsync($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", cancellationToken);
        return deferred;
    }

    /// <summary>
    /// Creates the dropped indexes again; later calls do nothing. SQLite sorts each index's keys with helper threads
    /// (<c>PRAGMA threads</c>, the connection's own setting restored after): by then the import's reader is done and
    /// the other cores are idle.
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (definitions is not { } restoring)
            return;
        definitions = null;
        var threads = await ScalarAsync("PRAGMA threads;", cancellationToken);
        try
        {
            await ScalarAsync($"PRAGMA threads = {Environment.ProcessorCount};", cancellationToken);
            foreach (var sql in restoring)
                await ScalarAsync(sql, cancellationToken);
        }
        finally
        {
            await ScalarAsync($"PRAGMA threads = {threads};", CancellationToken.None);
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
