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

    /// <summary>The optional scalar fields an explicit null clears, by GraphQL name (lists clear to empty instead).</summary>
    private static readonly Dictionary<string, string> ClearableFields = new(StringComparer.Ordinal)
    {
        ["originalName"] = nameof(TitleEdit.OriginalName),
        ["year"] = nameof(TitleEdit.Year),
        ["releaseDate"] = nameof(TitleEdit.ReleaseDate),
        ["availableUntil"] = nameof(TitleEdit.AvailableUntil),
        ["synopsis"] = nameof(TitleEdit.Synopsis),
        ["runtimeMinutes"] = nameof(TitleEdit.RuntimeMinutes),
        ["contentRating"] = nameof(TitleEdit.ContentRating),
        ["imdbId"] = nameof(TitleEdit.ImdbId),
        ["tmdbId"] = nameof(TitleEdit.TmdbId),
    };

    private void StringList(string name) => Field<ListGraphType<NonNullGraphType<StringGraphType>>>(name);

    public static TitleEdit ToEdit(IReadOnlyDictionary<string, object?> input)
    {
        var cleared = input.Where(p => p.Value is null && ClearableFields.ContainsKey(p.Key)).Select(p => ClearableFields[p.Key]).ToHashSet(StringComparer.Ordinal);
        if (input.TryGetValue("name", out var name) && name is null)
            throw CatalogErrors.BadUserInput("name cannot be null.");
        return new TitleEdit
        {
            Id = input.Get<string>("id"),
            Kind = input.Get<TitleKind?>("kind"),
            Name = input.Get<string>("name"),
            OriginalName = input.Get<string>("originalName"),
            AlternateNames = Strings(input, "alternateNames"),
            Year = input.Get<int?>("year"),
            ReleaseDate = input.Get<DateOnly?>("releaseDate"),
            AddedAt = input.Get<DateTimeOffset?>("addedAt")?.UtcDateTime,
            AvailableUntil = input.Get<DateTimeOffset?>("availableUntil")?.UtcDateTime,
            Synopsis = input.Get<string>("synopsis"),
            RuntimeMinutes = input.Get<int?>("runtimeMinutes"),
            ContentRating = input.Get<string>("contentRating"),
            Languages = Strings(input, "languages"),
            Countries = Strings(input, "countries"),
            Genres = Strings(input, "genres"),
            Tags = Strings(input, "tags"),
            Directors = Strings(input, "directors"),
            Cast = Strings(input, "cast"),
            ImdbId = input.Get<string>("imdbId"),
            TmdbId = input.Get<string>("tmdbId"),
            Cleared = cleared,
        };
    }

    /// <summary>A list input; an explicit null clears the list.</summary>
    private static List<string>? Strings(IReadOnlyDictionary<string, object?> input, string key) =>
        input.ContainsKey(key) ? input.ListOf<string>(key) ?? [] : null;
}
