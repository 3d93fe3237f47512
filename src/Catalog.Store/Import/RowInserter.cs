using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Store.Import;

/// <summary>
/// Inserts new rows of one entity type on the context's connection and transaction, bypassing the change
/// tracker (per row it cost an import ten times what the database does): on a server multi-row
/// <c>INSERT … VALUES (…), (…)</c> statements, on SQLite one prepared single-row statement bound by position
/// (<see cref="SqliteRowStatement"/>) from rows encoded beforehand, on any thread (<see cref="Encode"/>). Table,
/// columns and every value's conversion come from the EF model and its type mappings, the ones SaveChanges uses,
/// so the rows are the same on every provider. Columns the database generates (the change log's sequence) are
/// left to it.
/// </summary>
internal sealed class RowInserter<T>
    where T : class
{
    /// <summary>
    /// Bound values per statement on a server (PostgreSQL): one round trip per 1,000 values, well under its
    /// 65,535 parameters. SQLite runs in process, so there one prepared single-row statement is fastest.
    /// </summary>
    private const int ValuesPerServerStatement = 1_000;

    private readonly CatalogDbContext db;
    private readonly IProperty[] columns;
    private readonly RelationalTypeMapping[] mappings;
    private readonly Action<T, SqliteRows>? encodeRow;
    private SqliteRows? spareRows;
    private readonly int rowsPerStatement;
    private readonly string insertInto;
    private readonly string[] placeholders;
    private readonly string[] parameterNames;

    public RowInserter(CatalogDbContext db)
    {
        this.db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        columns = [.. entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never)];
        mappings = [.. columns.Select(p => p.GetRelationalTypeMapping())];
        rowsPerStatement = Math.Max(1, ValuesPerServerStatement / columns.Length);
        var sql = db.GetService<ISqlGenerationHelper>();
        insertInto = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var names = Enumerable.Range(0, rowsPerStatement * columns.Length).Select(i => $"p{i}").ToArray();
        placeholders = [.. names.Select(sql.GenerateParameterNamePlaceholder)];
        parameterNames = [.. names.Select(sql.GenerateParameterName)];
        encodeRow = db.Database.GetDbConnection() is SqliteConnection ? SqliteRowEncoder.Compile<T>(columns, mappings) : null;
    }

    /// <summary>
    /// The rows' values encoded for <see cref="InsertAsync"/> on SQLite (null on other providers). Safe on any thread
    /// while the rows do not change.
    /// </summary>
    public SqliteRows? Encode(IReadOnlyList<T> rows)
    {
        if (encodeRow is null)
            return null;
        var encoded = Interlocked.Exchange(ref spareRows, null) ?? new SqliteRows(columns.Length);
        foreach (var row in rows)
            encodeRow(row, encoded);
        return encoded;
    }

    public Task InsertAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken) => InsertAsync(rows, null, cancellationToken);

    /// <summary>Inserts <paramref name="rows"/>; on SQLite from <paramref name="encoded"/> when given (their <see cref="Encode"/>).</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, SqliteRows? encoded, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted only inside the import's transaction.");
        if (connection is SqliteConnection sqlite)
        {
            using var statement = new SqliteRowStatement(sqlite, $"{insertInto}({string.Join(", ", columns.Select((_, c) => $"?{c + 1}"))})");
            var values = encoded ?? Encode(rows)!;
            statement.Insert(values);
            values.Clear();
            Interlocked.Exchange(ref spareRows, values)?.Dispose();
            return;
        }

        await using var full = Command(connection, transaction, rowsPerStatement);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            await using var partial = count == rowsPerStatement ? null : Command(connection, transaction, count);
            var command = partial ?? full;
            command.Parameters.Clear();
            for (var row = 0; row < count; row++)
                Bind(command, rows[start + row], row * columns.Length);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void Bind(DbCommand command, T row, int first)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            var value = columns[c].GetGetter().GetClrValueUsingContainingEntity(row);
            // A new parameter per value: type mappings size and type parameters by the value they bind.
            command.Parameters.Add(mappings[c].CreateParameter(command, parameterNames[first + c], value, columns[c].IsNullable));
        }
    }

    private DbCommand Command(DbConnection connection, DbTransaction transaction, int rows)
    {
        var text = new StringBuilder(insertInto);
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
                text.Append(c == 0 ? "" : ", ").Append(placeholders[(row * columns.Length) + c]);
            text.Append(')');
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text.ToString();
        return command;
    }
}
