using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Catalog.Api.GraphQL.Common;

/// <summary><c>Date</c>: a calendar date written YYYY-MM-DD.</summary>
public sealed class DateScalar : ScalarGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date, YYYY-MM-DD.";
    }

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
        DateOnly d => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a Date: expected YYYY-MM-DD.");
}

/// <summary>
/// <c>DateTime</c>: an instant in ISO 8601 with an offset (input needs the offset, output is UTC with Z).
/// Resolvers receive a <see cref="DateTimeOffset"/>.
/// </summary>
public sealed class DateTimeScalar : ScalarGraphType
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
        DateTimeOffset d => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTime d => Format(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset d => Format(d.UtcDateTime),
        _ => ThrowSerializationError(value),
    };

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new FormatException($"'{text}' is not a DateTime: expected ISO 8601 with offset, e.g. 2024-05-01T12:00:00Z.");
}
