using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Catalog.Store;

/// <summary>
/// Every PostgreSQL transaction (the store only opens them to write) first takes one transaction-scoped
/// advisory lock, released when it commits or rolls back: PostgreSQL's counterpart of SQLite's
/// <c>BEGIN IMMEDIATE</c>. It gives the two guarantees the store relies on:
/// <list type="bullet">
/// <item>Read-modify-write services (ratings, vote counts, import matching) never lose an update.</item>
/// <item>Change-log sequences are taken and committed in order: a writer takes its sequence only after the
/// previous writer's commit is visible, so once a reader sees sequence n every committed entry below n is
/// visible too, and "entries after the last one I saw" never skips a slow transaction. Rolled-back
/// transactions leave harmless holes.</item>
/// </list>
/// Writes are therefore serial, as on SQLite; reads never take the lock.
/// </summary>
internal sealed class PostgresWriteLock : DbTransactionInterceptor
{
    public static readonly PostgresWriteLock Instance = new();

    /// <summary>The advisory-lock key ("CatLog"), shared by every replica on the database.</summary>
    internal const long Key = 0x43_61_74_4C_6F_67;

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = LockCommand(connection, result);
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = LockCommand(connection, result);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    private static DbCommand LockCommand(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.Parameters.Add(new NpgsqlParameter<long>("key", Key));
        return command;
    }
}
