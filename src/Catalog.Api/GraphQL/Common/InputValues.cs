namespace Catalog.Api.GraphQL.Common;

/// <summary>Reads fields of a parsed input object (a dictionary holding only the fields the client sent).</summary>
public static class InputValues
{
    public static T? Get<T>(this IReadOnlyDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>The items of a list field, or null when the field was not sent or sent as null.</summary>
    public static List<T>? ListOf<T>(this IReadOnlyDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is IEnumerable<object?> items ? [.. items.OfType<T>()] : null;
}
