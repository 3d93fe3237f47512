using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Common;

/// <summary>The <c>first</c>/<c>after</c> arguments every list and connection shares.</summary>
public static class Paging
{
    public const int MaxFirst = 100;

    public static FieldBuilder<TSource, TReturn> FirstArgument<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, int defaultValue) =>
        field.Argument<IntGraphType>("first", a =>
        {
            a.DefaultValue = defaultValue;
            a.Description = $"How many items to return: 1 to {MaxFirst}.";
        });

    public static FieldBuilder<TSource, TReturn> AfterArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<StringGraphType>("after", a => a.Description = "Cursor of the last item of the previous page.");

    /// <summary>The validated <c>first</c> argument; an explicit null means the default.</summary>
    public static int First(IResolveFieldContext context, int defaultValue)
    {
        var first = context.GetArgument<int?>("first") ?? defaultValue;
        if (first < 1)
            throw CatalogErrors.BadUserInput($"'first' must be between 1 and {MaxFirst} (got {first}).");
        if (first > MaxFirst)
            throw CatalogErrors.BadUserInput($"'first' must be at most {MaxFirst} (got {first}); page with 'after' instead.");
        return first;
    }

    public static string? After(IResolveFieldContext context) =>
        context.GetArgument<string?>("after") is { Length: > 0 } after ? after : null;
}

/// <summary>Opaque position cursors for lists paged in the store ("o:&lt;offset&gt;", base64url).</summary>
public static class OffsetCursor
{
    private const string Prefix = "o:";

    public static string Encode(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset of the item after <paramref name="cursor"/>; 0 without a cursor.</summary>
    public static int Next(string? cursor)
    {
        if (cursor is null)
            return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                && offset < int.MaxValue)
                return offset + 1;
        }
        catch (FormatException)
        {
            // Not base64url: reported below like any other foreign cursor.
        }

        throw CatalogErrors.BadUserInput("'after' is not a cursor this list handed out.");
    }
}
