using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Catalog.Store.Import;

/// <summary>
/// One <c>INSERT</c> prepared once and run row after row through SQLite's C API, its values bound by position
/// from rows encoded beforehand (<see cref="SqliteRows"/>). Microsoft.Data.Sqlite looks every parameter up by
/// name and wraps each execution in a data reader: for the import's single-row inserts that cost several times
/// the insert itself.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
    }

    /// <summary>Inserts every row of <paramref name="rows"/>. Each row binds every column, so bindings are not cleared between rows.</summary>
    public void Insert(SqliteRows rows)
    {
        for (var value = 0; value < rows.Count;)
        {
            for (var column = 1; column <= rows.Columns; column++, value++)
            {
                Check(rows.KindAt(value) switch
                {
                    SqliteRows.Kind.Integer => raw.sqlite3_bind_int64(statement, column, rows.IntegerAt(value)),
                    SqliteRows.Kind.Real => raw.sqlite3_bind_double(statement, column, rows.RealAt(value)),
                    SqliteRows.Kind.Text => BindText(column, rows.TextAt(value)),
                    _ => raw.sqlite3_bind_null(statement, column),
                });
            }

            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
                Check(rc);
            Check(raw.sqlite3_reset(statement));
        }
    }

    public void Dispose() => statement.Dispose();

    // A zero-length span is a null pointer, which SQLite would bind as NULL.
    private int BindText(int column, ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty ? raw.sqlite3_bind_text(statement, column, "") : raw.sqlite3_bind_text(statement, column, utf8);

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, db);
}
