using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Catalog.Store.Import;

/// <summary>
/// One <c>INSERT</c> prepared once and run row after row through SQLite's C API, its values bound by position.
/// Microsoft.Data.Sqlite looks every parameter up by name and wraps each execution in a data reader: for
/// the import's single-row inserts that cost several times the insert itself. Values are bound the way
/// Microsoft.Data.Sqlite binds them (text as UTF-8, instants and dates in its text formats), so the stored
/// rows are the same as a SaveChanges' (RowInserterTests compares them).
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly ArrayBufferWriter<byte> json = new(1024);
    private readonly Utf8JsonWriter jsonWriter;
    private byte[] text = new byte[1024];

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out statement), db);
        // The writer EF Core's JSON value writers use for primitive collections: default options.
        jsonWriter = new Utf8JsonWriter(json);
    }

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(statement, index));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    public void Bind(int index, double value)
    {
        if (double.IsNaN(value))
            throw new NotSupportedException($"The import's SQLite inserts do not bind NaN (parameter {index}).");
        Check(raw.sqlite3_bind_double(statement, index, value));
    }

    public void Bind(int index, string value) => Check(BindText(index, value));

    /// <summary>An instant in Microsoft.Data.Sqlite's text format, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>.</summary>
    public void Bind(int index, DateTime instant)
    {
        Span<byte> utf8 = stackalloc byte[InstantText.MaxLength];
        Check(raw.sqlite3_bind_text(statement, index, utf8[..InstantText.Format(instant, utf8)]));
    }

    public void Bind(int index, DateOnly date)
    {
        Span<byte> utf8 = stackalloc byte[10];
        InstantText.Date(date.Year, date.Month, date.Day, utf8);
        Check(raw.sqlite3_bind_text(statement, index, utf8));
    }

    /// <summary>Binds a list of strings as the JSON array EF Core stores for a primitive collection.</summary>
    public void BindJsonArray(int index, List<string> values)
    {
        json.ResetWrittenCount();
        jsonWriter.Reset(json);
        jsonWriter.WriteStartArray();
        foreach (var value in values)
            jsonWriter.WriteStringValue(value);
        jsonWriter.WriteEndArray();
        jsonWriter.Flush();
        Check(raw.sqlite3_bind_text(statement, index, json.WrittenSpan));
    }

    /// <summary>Inserts the bound row. Every column is bound again for the next one, so bindings are not cleared.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
            SqliteException.ThrowExceptionForRC(rc, db);
        Check(raw.sqlite3_reset(statement));
    }

    public void Dispose()
    {
        statement.Dispose();
        jsonWriter.Dispose();
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, db);

    private int BindText(int index, string value)
    {
        // A zero-length span is a null pointer, which SQLite would bind as NULL.
        if (value.Length == 0)
            return raw.sqlite3_bind_text(statement, index, "");
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (text.Length < length)
            text = new byte[Math.Max(length, text.Length * 2)];
        var written = Encoding.UTF8.GetBytes(value, text);
        return raw.sqlite3_bind_text(statement, index, text.AsSpan(0, written));
    }
}
