using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Search;

/// <summary>The filters of SPEC section 3; fields combine with AND, lists with the stated any/all.</summary>
public sealed class TitleFilterInputType : InputObjectGraphType
{
    public const int MaxListItems = 100;

    public TitleFilterInputType()
    {
        Name = "TitleFilter";
        Field<ListGraphType<NonNullGraphType<TitleKindType>>>("kinds").Description("Any of these kinds.");
        Strings("genres", "Any of these genres.");
        Strings("tags", "All of these tags.");
        Strings("anyTags", "Any of these tags.");
        Strings("excludeTags", "None of these tags.");
        Field<DateRangeInputType>("released").Description("Release date range, inclusive.");
        Field<IntRangeInputType>("releaseYear").Description("Release year range, inclusive.");
        Field<DateTimeRangeInputType>("added").Description("Added-to-catalog range, inclusive.");
        Field<FloatGraphType>("minRating").Description("Minimum weighted rating (0–10).");
        Field<IntGraphType>("minVotes");
        Strings("contentRatings", "Any of these content ratings.");
        Strings("languages", "Any of these languages.");
        Strings("people", "Any of these directors or cast members.");
        Field<BooleanGraphType>("hasTrailer");
    }

    private void Strings(string name, string description) =>
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>(name).Description(description);

    public static TitleFilter? ToFilter(IReadOnlyDictionary<string, object?>? input)
    {
        if (input is null)
            return null;
        var minRating = Get<double?>(input, "minRating");
        if (minRating is < 0 or > 10)
            throw CatalogErrors.BadUserInput($"filter.minRating must be from 0 to 10 (got {minRating}).");
        var minVotes = Get<int?>(input, "minVotes");
        if (minVotes < 0)
            throw CatalogErrors.BadUserInput($"filter.minVotes must not be negative (got {minVotes}).");
        return new TitleFilter
        {
            Kinds = List<TitleKind>(input, "kinds"),
            Genres = List<string>(input, "genres"),
            Tags = List<string>(input, "tags"),
            AnyTags = List<string>(input, "anyTags"),
            ExcludeTags = List<string>(input, "excludeTags"),
            Released = DateRangeInputType.ToRange(Get<IReadOnlyDictionary<string, object?>>(input, "released")),
            ReleaseYear = IntRangeInputType.ToRange(Get<IReadOnlyDictionary<string, object?>>(input, "releaseYear")),
            Added = DateTimeRangeInputType.ToRange(Get<IReadOnlyDictionary<string, object?>>(input, "added")),
            MinRating = minRating,
            MinVotes = minVotes,
            ContentRatings = List<string>(input, "contentRatings"),
            Languages = List<string>(input, "languages"),
            People = List<string>(input, "people"),
            HasTrailer = Get<bool?>(input, "hasTrailer"),
        };
    }

    internal static T? Get<T>(IReadOnlyDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is T typed ? typed : default;

    private static List<T>? List<T>(IReadOnlyDictionary<string, object?> input, string key)
    {
        if (!input.TryGetValue(key, out var value) || value is not IEnumerable<object?> items)
            return null;
        var list = items.OfType<T>().ToList();
        return list.Count <= MaxListItems
            ? list
            : throw CatalogErrors.BadUserInput($"filter.{key} has {list.Count} values; the limit is {MaxListItems}.");
    }
}

public sealed class DateRangeInputType : InputObjectGraphType
{
    public DateRangeInputType()
    {
        Name = "DateRange";
        Description = "Inclusive date range; either end may be open.";
        Field<DateScalar>("from");
        Field<DateScalar>("to");
    }

    public static DateRange? ToRange(IReadOnlyDictionary<string, object?>? input)
    {
        if (input is null)
            return null;
        var (from, to) = (TitleFilterInputType.Get<DateOnly?>(input, "from"), TitleFilterInputType.Get<DateOnly?>(input, "to"));
        return from > to ? throw CatalogErrors.BadUserInput("filter.released: 'from' is after 'to'.") : new DateRange(from, to);
    }
}

public sealed class DateTimeRangeInputType : InputObjectGraphType
{
    public DateTimeRangeInputType()
    {
        Name = "DateTimeRange";
        Description = "Inclusive instant range; either end may be open.";
        Field<DateTimeScalar>("from");
        Field<DateTimeScalar>("to");
    }

    public static InstantRange? ToRange(IReadOnlyDictionary<string, object?>? input)
    {
        if (input is null)
            return null;
        var from = TitleFilterInputType.Get<DateTimeOffset?>(input, "from")?.UtcDateTime;
        var to = TitleFilterInputType.Get<DateTimeOffset?>(input, "to")?.UtcDateTime;
        return from > to ? throw CatalogErrors.BadUserInput("filter.added: 'from' is after 'to'.") : new InstantRange(from, to);
    }
}

public sealed class IntRangeInputType : InputObjectGraphType
{
    public IntRangeInputType()
    {
        Name = "IntRange";
        Description = "Inclusive integer range; either end may be open.";
        Field<IntGraphType>("min");
        Field<IntGraphType>("max");
    }

    public static IntRange? ToRange(IReadOnlyDictionary<string, object?>? input)
    {
        if (input is null)
            return null;
        var (min, max) = (TitleFilterInputType.Get<int?>(input, "min"), TitleFilterInputType.Get<int?>(input, "max"));
        return min > max ? throw CatalogErrors.BadUserInput("filter.releaseYear: 'min' is greater than 'max'.") : new IntRange(min, max);
    }
}
