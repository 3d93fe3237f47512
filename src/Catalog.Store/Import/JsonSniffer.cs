using System.Text.Json;

namespace Catalog.Store.Import;

/// <summary>What the first bytes of a JSON file reveal: its root, its "format" property, the first record's keys.</summary>
public sealed record JsonShape(JsonTokenType Root, string? Format, IReadOnlySet<string> FirstRecordProperties);

/// <summary>Cheap format detection for <c>--format auto</c>: reads at most the first 64 KiB.</summary>
public static class JsonSniffer
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// The shape of a .json file, or null when the path is not a file or does not start like JSON. The
    /// first record is the first element of a root array, or of the first array property of a root object.
    /// </summary>
    public static JsonShape? Sniff(string path)
    {
        if (!File.Exists(path))
            return null;
        var buffer = new byte[SniffBytes];
        int length;
        using (var file = File.OpenRead(path))
            length = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var data = buffer.AsSpan(0, length);
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            data = data[3..];
        try
        {
            return Shape(data, length < buffer.Length);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonShape? Shape(ReadOnlySpan<byte> data, bool final)
    {
        var reader = new Utf8JsonReader(data, final, default);
        if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
            return null;
        var root = reader.TokenType;
        string? format = null;
        var recordDepth = root == JsonTokenType.StartArray ? 1 : 2;
        var properties = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (root == JsonTokenType.StartObject && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName
                && reader.ValueTextEquals("format") && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                format = reader.GetString();
            }
            else if (reader.CurrentDepth == recordDepth + 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                properties.Add(reader.GetString()!);
            }
            else if (reader.CurrentDepth == recordDepth && reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }
        }

        return new JsonShape(root, format, properties);
    }
}
