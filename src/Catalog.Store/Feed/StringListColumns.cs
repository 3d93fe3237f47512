using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Feed;

/// <summary>
/// Reads the list columns of a full build's titles (JSON arrays of strings, as EF Core stores primitive
/// collections) straight from the column's UTF-8 bytes, and hands out one string per distinct value: the
/// same genres, tags, languages and people recur across most titles. Reading the column as a .NET string and
/// deserializing it (UTF-8 to UTF-16 and back, a fresh string per element) was most of the feed's own work.
/// One instance per read of the store (not thread-safe); it stops sharing new values at <see cref="MaxShared"/>.
/// </summary>
internal sealed class StringListColumns
{
    public const int MaxShared = 100_000;

    // Longer elements (rare: alternate names) are read as strings of their own.
    private const int SharedLength = 128;

    private readonly Dictionary<string, string> shared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> byChars;
    private readonly List<string> scratch = [];

    public StringListColumns() => byChars = shared.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The column's strings in order; an empty list for SQL NULL, as EF Core reads it here.</summary>
    public List<string> Read(SqliteDataReader row, int column)
    {
        if (row.IsDBNull(column))
            return [];
        var reader = new Utf8JsonReader(row.GetFieldValue<byte[]>(column));
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            return [];
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"column {row.GetName(column)} holds {reader.TokenType}, not a JSON array of strings");
        scratch.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            scratch.Add(String(ref reader));
        return [.. scratch]; // sized once, not grown element by element
    }

    private string String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length > SharedLength)
            return reader.GetString()!;
        Span<char> buffer = stackalloc char[SharedLength];
        var chars = buffer[..reader.CopyString(buffer)];
        if (byChars.TryGetValue(chars, out var value))
            return value;
        value = new string(chars);
        if (shared.Count < MaxShared)
            shared.Add(value, value);
        return value;
    }
}
