using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Catalog.Api.GraphQL.Common;

/// <summary>A scalar written as a string on the wire; subclasses say how to parse and format it.</summary>
public abstract class StringScalar<T> : ScalarGraphType
    where T : struct
{
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse((string)s.Value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        T parsed => parsed,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value is null ? null : Format(value) ?? ThrowSerializationError(value);

    protected abstract T Parse(string text);

    /// <summary>The wire form, or null when the value is not of a type this scalar serialises.</summary>
    protected abstract string? Format(object value);
}

/// <summary><c>Date</c>: a calendar date written YYYY-MM-DD.</summary>
public sealed class DateScalar : StringScalar<DateOnly>
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date, YYYY-MM-DD.";
    }

    protected override DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a Date: expected YYYY-MM-DD.");

    protected override string? Format(object value) =>
        value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// <c>DateTime</c>: an instant in ISO 8601 with an offset (input needs the offset, output is UTC with Z).
/// Resolvers receive a <see cref="DateTimeOffset"/>.
/// </summary>
public sealed class DateTimeScalar : StringScalar<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An instant, ISO 8601 with offset (e.g. 2024-05-01T12:00:00Z); returned in UTC.";
    }

    protected override DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new FormatException($"'{text}' is not a DateTime: expected ISO 8601 with offset, e.g. 2024-05-01T12:00:00Z.");

    protected override string? Format(object value) => value switch
    {
        DateTime d => Utc(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset d => Utc(d.UtcDateTime),
        _ => null,
    };

    private static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
