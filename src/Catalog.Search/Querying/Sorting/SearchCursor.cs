using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Catalog.Core.Search;
using Lucene.Net.Search;
using Lucene.Net.Util;
using JDouble = J2N.Numerics.Double;
using JInt64 = J2N.Numerics.Int64;
using JSingle = J2N.Numerics.Single;

namespace Catalog.Search.Querying.Sorting;

/// <summary>
/// Opaque search-after cursors: the sort values of a hit (its id last) plus a fingerprint of the query
/// and sort they came from, base64url-encoded. Doc ids are not relied upon (they change with merges);
/// the id tie-breaker makes every position unique.
/// </summary>
internal static class SearchCursor
{
    private const byte Version = 1;
    private const int FingerprintLength = 8;

    private enum Tag : byte
    {
        Null,
        Single,
        Double,
        Int64,
        Bytes,
    }

    /// <summary>The fingerprint of a query, filter and sort (or rail) as cursors carry it: hash it once per request.</summary>
    public static byte[] Fingerprint(string text) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(text))[..FingerprintLength];

    public static string Encode(byte[] fingerprint, FieldDoc hit)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Version);
        writer.Write(fingerprint);
        writer.Write((byte)hit.Fields.Length);
        foreach (var value in hit.Fields)
            WriteValue(writer, value);
        writer.Flush();
        return Base64Url.EncodeToString(stream.ToArray());
    }

    /// <summary>The FieldDoc to search after, checked against the fingerprint and the sort's field types.</summary>
    public static FieldDoc Decode(string cursor, byte[] fingerprint, Sort sort)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            throw Malformed();
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes));
            if (reader.ReadByte() != Version)
                throw Malformed();
            if (!reader.ReadBytes(FingerprintLength).AsSpan().SequenceEqual(fingerprint))
                throw new InvalidCursorException("The cursor belongs to a different query, filter, sort or rail; start again without 'after'.");
            var fields = sort.GetSort();
            var values = new object?[reader.ReadByte()];
            if (values.Length != fields.Length)
                throw Malformed();
            for (var i = 0; i < values.Length; i++)
                values[i] = ReadValue(reader, fields[i]);
            if (reader.BaseStream.Position != bytes.Length)
                throw Malformed();
            return new FieldDoc(int.MaxValue, float.NaN, values);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            // FormatException: an over-long 7-bit length prefix (BinaryReader.Read7BitEncodedInt).
            throw Malformed();
        }
    }

    private static InvalidCursorException Malformed() => new("The cursor is malformed.");

    private static void WriteValue(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)Tag.Null);
                break;
            case JSingle single:
                writer.Write((byte)Tag.Single);
                writer.Write(single.ToSingle());
                break;
            case JDouble number:
                writer.Write((byte)Tag.Double);
                writer.Write(number.ToDouble());
                break;
            case JInt64 integer:
                writer.Write((byte)Tag.Int64);
                writer.Write(integer.ToInt64());
                break;
            case BytesRef bytes:
                writer.Write((byte)Tag.Bytes);
                writer.Write7BitEncodedInt(bytes.Length);
                writer.Write(bytes.Bytes, bytes.Offset, bytes.Length);
                break;
            default:
                throw new InvalidOperationException($"Unexpected sort value type {value.GetType()}.");
        }
    }

    private static object? ReadValue(BinaryReader reader, SortField field)
    {
        var tag = (Tag)reader.ReadByte();
        var expected = field.Type switch
        {
            SortFieldType.SCORE => Tag.Single,
            SortFieldType.CUSTOM when field.ComparerSource is LongColumnSort => Tag.Int64,
            SortFieldType.CUSTOM when field.ComparerSource is BytesColumnSort => Tag.Bytes,
            SortFieldType.CUSTOM => Tag.Double,
            _ => throw Malformed(),
        };
        if (tag == Tag.Null && expected == Tag.Bytes)
            return null;
        if (tag != expected)
            throw Malformed();
        return tag switch
        {
            Tag.Single => JSingle.GetInstance(reader.ReadSingle()),
            Tag.Double => JDouble.GetInstance(reader.ReadDouble()),
            Tag.Int64 => JInt64.GetInstance(reader.ReadInt64()),
            _ => ReadBytes(reader),
        };
    }

    private static BytesRef ReadBytes(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length is < 0 or > 4096)
            throw Malformed();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length)
            throw Malformed();
        return new BytesRef(bytes);
    }
}
