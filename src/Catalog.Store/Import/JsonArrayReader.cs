using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Catalog.Store.Import;

/// <summary>One element of a streamed JSON array: its 1-based index and the input bytes consumed after it.</summary>
public readonly record struct JsonArrayElement(int Index, JsonElement Value, long Position);

/// <summary>
/// Streams the elements of a JSON array — the whole document, or the array under one property of a
/// top-level object — through a growing buffer, so a file is never loaded whole. Other top-level
/// properties are handed to a callback as they pass. Malformed or truncated JSON throws <see cref="JsonException"/>.
/// </summary>
public sealed class JsonArrayReader
{
    private const int InitialBufferSize = 64 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly string? arrayProperty;
    private readonly Action<string, JsonElement>? onProperty;
    private Stage stage = Stage.Start;
    private string? propertyName;
    private int index;

    private JsonArrayReader(string? arrayProperty, Action<string, JsonElement>? onProperty) =>
        (this.arrayProperty, this.onProperty) = (arrayProperty, onProperty);

    private enum Stage
    {
        Start,
        InObject,
        PropertyValue,
        ExpectArray,
        InTopLevelArray,
        InPropertyArray,
        Done,
    }

    /// <summary>
    /// Elements of the top-level array, or of the array under <paramref name="arrayProperty"/> when the
    /// document is an object (null: only a top-level array is accepted).
    /// </summary>
    public static async IAsyncEnumerable<JsonArrayElement> ReadAsync(
        Stream stream, string? arrayProperty = null, Action<string, JsonElement>? onProperty = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parser = new JsonArrayReader(arrayProperty, onProperty);
        var buffer = new byte[InitialBufferSize];
        var (filled, offset, final) = (0, 0L, false);
        var state = new JsonReaderState();
        var elements = new List<JsonArrayElement>();
        while (true)
        {
            if (!final && filled < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                (filled, final) = (filled + read, read == 0);
                if (offset == 0 && parser.stage == Stage.Start && buffer.AsSpan(0, filled).StartsWith(Utf8Bom))
                {
                    buffer.AsSpan(Utf8Bom.Length, filled - Utf8Bom.Length).CopyTo(buffer);
                    (filled, offset) = (filled - Utf8Bom.Length, Utf8Bom.Length);
                }
            }

            var consumed = parser.Parse(buffer.AsSpan(0, filled), final, offset, ref state, elements);
            foreach (var element in elements)
                yield return element;
            elements.Clear();
            if (parser.stage == Stage.Done && final)
                yield break;
            if (final && consumed == 0 && parser.stage != Stage.Done)
                throw new JsonException("The JSON input ends before the document is complete.");

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            (filled, offset) = (filled - consumed, offset + consumed);
            if (filled == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    /// <summary>Parses what the buffer holds completely; returns the bytes consumed.</summary>
    private int Parse(ReadOnlySpan<byte> data, bool final, long offset, ref JsonReaderState state, List<JsonArrayElement> elements)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (Step(ref reader, offset, elements))
        {
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Advances one token or value; false when more input is needed or the document is complete.</summary>
    private bool Step(ref Utf8JsonReader reader, long offset, List<JsonArrayElement> elements)
    {
        switch (stage)
        {
            case Stage.Start:
                if (!reader.Read())
                    return false;
                stage = reader.TokenType switch
                {
                    JsonTokenType.StartArray => Stage.InTopLevelArray,
                    JsonTokenType.StartObject when arrayProperty is not null => Stage.InObject,
                    _ => throw new JsonException(arrayProperty is null
                        ? "Expected a JSON array."
                        : $"Expected a JSON array or an object with a \"{arrayProperty}\" array."),
                };
                return true;
            case Stage.InObject:
                if (!reader.Read())
                    return false;
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    stage = Stage.Done;
                    return true;
                }

                propertyName = reader.GetString();
                stage = propertyName == arrayProperty ? Stage.ExpectArray : Stage.PropertyValue;
                return true;
            case Stage.PropertyValue:
                if (!JsonDocument.TryParseValue(ref reader, out var value))
                    return false;
                using (value)
                    onProperty?.Invoke(propertyName!, value.RootElement);
                stage = Stage.InObject;
                return true;
            case Stage.ExpectArray:
                if (!reader.Read())
                    return false;
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw new JsonException($"\"{arrayProperty}\" must be an array.");
                stage = Stage.InPropertyArray;
                return true;
            case Stage.InTopLevelArray or Stage.InPropertyArray:
                var probe = reader;
                if (!probe.Read())
                    return false;
                if (probe.TokenType == JsonTokenType.EndArray)
                {
                    reader = probe;
                    stage = stage == Stage.InTopLevelArray ? Stage.Done : Stage.InObject;
                    return true;
                }

                // Parse from the element's first token; the reader only moves once the whole element is in. The
                // element owns its memory (no pooled document to copy out of and return).
                if (!JsonElement.TryParseValue(ref probe, out var element))
                    return false;
                reader = probe;
                elements.Add(new JsonArrayElement(++index, element.Value, offset + reader.BytesConsumed));
                return true;
            default:
                // Reading past the end makes the reader reject anything after the document.
                return reader.Read();
        }
    }
}
