using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Catalog.Store.Import;

/// <summary>
/// Rows' column values encoded as SQLite binds them (integers, reals, UTF-8 text, NULL), written by a
/// <see cref="SqliteRowEncoder"/> on any thread and bound by <see cref="SqliteRowStatement.Insert"/>. Encoding
/// (UTF-8, the JSON of list columns, instants as text) is most of the managed cost of an insert; kept apart from
/// binding, it runs beside the import's writer instead of on it. Values are encoded the way Microsoft.Data.Sqlite
/// binds them, so the stored rows are the same as a SaveChanges' (RowInserterTests compares them).
/// </summary>
internal sealed class SqliteRows : IDisposable
{
    private readonly ArrayBufferWriter<byte> json = new(1024);
    private readonly Utf8JsonWriter jsonWriter;
    private Value[] values;
    private byte[] text;
    private int textLength;

    public SqliteRows(int columns)
    {
        (Columns, values, text) = (columns, new Value[columns * 64], new byte[16 * 1024]);
        // The writer EF Core's JSON value writers use for primitive collections: default options.
        jsonWriter = new Utf8JsonWriter(json);
    }

    public enum Kind : byte
    {
        Null,
        Integer,
        Real,
        Text,
    }

    public int Columns { get; }

    public int Count { get; private set; }

    /// <summary>The <paramref name="index"/>th value (row-major).</summary>
    public Kind KindAt(int index) => values[index].Kind;

    public long IntegerAt(int index) => values[index].Number;

    public double RealAt(int index) => BitConverter.Int64BitsToDouble(values[index].Number);

    public ReadOnlySpan<byte> TextAt(int index) => text.AsSpan((int)values[index].Number, values[index].Length);

    public void AddNull() => Add(new Value(Kind.Null, 0, 0));

    public void Add(long value) => Add(new Value(Kind.Integer, value, 0));

    public void Add(double value)
    {
        if (double.IsNaN(value))
            throw new NotSupportedException($"The import's SQLite inserts do not bind NaN (value {Count + 1}).");
        Add(new Value(Kind.Real, BitConverter.DoubleToInt64Bits(value), 0));
    }

    public void Add(string value)
    {
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        AddText(Encoding.UTF8.GetBytes(value, span));
    }

    /// <summary>An instant in Microsoft.Data.Sqlite's text format, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>.</summary>
    public void Add(DateTime instant) => AddText(InstantText.Format(instant, Reserve(InstantText.MaxLength)));

    public void Add(DateOnly date)
    {
        InstantText.Date(date.Year, date.Month, date.Day, Reserve(10));
        AddText(10);
    }

    /// <summary>A list of strings as the JSON array EF Core stores for a primitive collection.</summary>
    public void AddJsonArray(List<string> list)
    {
        json.ResetWrittenCount();
        jsonWriter.Reset(json);
        jsonWriter.WriteStartArray();
        foreach (var value in list)
            jsonWriter.WriteStringValue(value);
        jsonWriter.WriteEndArray();
        jsonWriter.Flush();
        json.WrittenSpan.CopyTo(Reserve(json.WrittenCount));
        AddText(json.WrittenCount);
    }

    /// <summary>Empties the rows for reuse: their buffers grow to a batch's size once, not per batch (nor on the large-object heap per batch).</summary>
    public void Clear() => (Count, textLength) = (0, 0);

    public void Dispose() => jsonWriter.Dispose();

    private Span<byte> Reserve(int length)
    {
        if (text.Length - textLength < length)
            Array.Resize(ref text, Math.Max(textLength + length, text.Length * 2));
        return text.AsSpan(textLength, length);
    }

    private void AddText(int length)
    {
        Add(new Value(Kind.Text, textLength, length));
        textLength += length;
    }

    private void Add(Value value)
    {
        if (Count == values.Length)
            Array.Resize(ref values, values.Length * 2);
        values[Count++] = value;
    }

    /// <summary>A value: an integer, a real's bits, or the offset of its text.</summary>
    private readonly record struct Value(Kind Kind, long Number, int Length);
}
