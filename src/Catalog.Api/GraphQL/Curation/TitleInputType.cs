using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Core.Titles;
using Catalog.Store.Writes;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Curation;

/// <summary>
/// Title's editable fields. Omitted fields keep their value on update (defaults on create); an explicit
/// null clears an optional field; lists replace the stored list.
/// </summary>
public sealed class TitleInputType : InputObjectGraphType
{
    public TitleInputType()
    {
        Name = "TitleInput";
        Description = "Create (id optional: derived from name and year) or update (fields you omit are kept; null clears).";
        Field<IdGraphType>("id");
        Field<TitleKindType>("kind");
        Field<StringGraphType>("name").Description("Required to create.");
        Field<StringGraphType>("originalName");
        StringList("alternateNames");
        Field<IntGraphType>("year").Description("For year-only releases; derived from releaseDate when that is given.");
        Field<DateScalar>("releaseDate");
        Field<DateTimeScalar>("addedAt").Description("Defaults to now on create.");
        Field<DateTimeScalar>("availableUntil");
        Field<StringGraphType>("synopsis");
        Field<IntGraphType>("runtimeMinutes");
        Field<StringGraphType>("contentRating");
        StringList("languages");
        StringList("countries");
        StringList("genres");
        StringList("tags");
        StringList("directors");
        StringList("cast");
        Field<StringGraphType>("imdbId");
        Field<StringGraphType>("tmdbId");
    }

    private void StringList(string name) => Field<ListGraphType<NonNullGraphType<StringGraphType>>>(name);

    public static TitleDraft ToDraft(IReadOnlyDictionary<string, object?> input)
    {
        var cleared = input.Where(p => p.Value is null).Select(p => char.ToUpperInvariant(p.Key[0]) + p.Key[1..]).ToHashSet(StringComparer.Ordinal);
        if (input.TryGetValue("name", out var name) && name is null)
            throw CatalogErrors.BadUserInput("name cannot be null.");
        return new TitleDraft
        {
            Id = Get<string>(input, "id"),
            Kind = Get<TitleKind?>(input, "kind"),
            Name = Get<string>(input, "name"),
            OriginalName = Get<string>(input, "originalName"),
            AlternateNames = Strings(input, "alternateNames"),
            Year = Get<int?>(input, "year"),
            ReleaseDate = Get<DateOnly?>(input, "releaseDate"),
            AddedAt = Get<DateTimeOffset?>(input, "addedAt")?.UtcDateTime,
            AvailableUntil = Get<DateTimeOffset?>(input, "availableUntil")?.UtcDateTime,
            Synopsis = Get<string>(input, "synopsis"),
            RuntimeMinutes = Get<int?>(input, "runtimeMinutes"),
            ContentRating = Get<string>(input, "contentRating"),
            Languages = Strings(input, "languages"),
            Countries = Strings(input, "countries"),
            Genres = Strings(input, "genres"),
            Tags = Strings(input, "tags"),
            Directors = Strings(input, "directors"),
            Cast = Strings(input, "cast"),
            ImdbId = Get<string>(input, "imdbId"),
            TmdbId = Get<string>(input, "tmdbId"),
            Cleared = cleared,
        };
    }

    private static T? Get<T>(IReadOnlyDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>A list input; an explicit null clears the list.</summary>
    private static List<string>? Strings(IReadOnlyDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value)
            ? value is IEnumerable<object?> items ? [.. items.OfType<string>()] : []
            : null;
}
