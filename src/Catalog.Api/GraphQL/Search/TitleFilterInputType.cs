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
        var minRating = input.Get<double?>("minRating");
        if (minRating is < 0 or > 10)
            throw CatalogErrors.BadUserInput($"filter.minRating must be from 0 to 10 (got {minRating}).");
        var minVotes = input.Get<int?>("minVotes");
        if (minVotes < 0)
            throw CatalogErrors.BadUserInput($"filter.minVotes must not be negative (got {minVotes}).");
        return new TitleFilter
        {
            Kinds = List<TitleKind>(input, "kinds"),
            Genres = List<string>(input, "genres"),
            Tags = List<string>(input, "tags"),
            AnyTags = List<string>(input, "anyTags"),
            ExcludeTags = List<string>(input, "excludeTags"),
            Released = DateRangeInputType.ToRange(input.Get<IReadOnlyDictionary<string, object?>>("released")),
            ReleaseYear = IntRangeInputType.ToRange(input.Get<IReadOnlyDictionary<string, object?>>("releaseYear")),
            Added = DateTimeRangeInputType.ToRange(input.Get<IReadOnlyDictionary<string, object?>>("added")),
            MinRating = minRating,
            MinVotes = minVotes,
            ContentRatings = List<string>(input, "contentRatings"),
            Languages = List<string>(input, "languages"),
            People = List<string>(input, "people"),
            HasTrailer = input.Get<bool?>("hasTrailer"),
        };
    }

    private static List<T>? List<T>(IReadOnlyDictionary<string, object?> input, string key)
    {
        var list = input.ListOf<T>(key);
        return list is null || list.Count <= MaxListItems
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
        var (from, to) = (input.Get<DateOnly?>("from"), input.Get<DateOnly?>("to"));
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
        var from = input.Get<DateTimeOffset?>("from")?.UtcDateTime;
        var to = input.Get<DateTimeOffset?>("to")?.UtcDateTime;
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
        var (min, max) = (input.Get<int?>("min"), input.Get<int?>("max"));
        return min > max ? throw CatalogErrors.BadUserInput("filter.releaseYear: 'min' is greater than 'max'.") : new IntRange(min, max);
    }
}
