using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Catalog.Api.Http;

/// <summary>
/// JSON text of parsed request variables with object keys in ordinal order and no whitespace, so requests that
/// differ only in key order or formatting share a response-cache entry.
/// </summary>
internal static class CanonicalJson
{
    public static string Of(IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null || variables.Count == 0)
            return "{}";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, variables);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IEnumerable<KeyValuePair<string, object?>> fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            // Enums and instants as JSON strings, so the text stays JSON (search insights keep it as a filters key).
            case Enum:
                writer.WriteStringValue(value.ToString());
                break;
            case DateOnly or DateTime or DateTimeOffset:
                writer.WriteStringValue(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture));
                break;
            case IFormattable number:
                // Numbers as parsed (int, long, BigInteger, decimal, double) in invariant, round-trip form; unchecked,
                // because a huge literal parses to infinity, which is no JSON number but is still a distinct key.
                writer.WriteRawValue(number.ToString(null, CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
