using Catalog.Core.Search;
using Catalog.Core.Titles;

namespace Catalog.Search.Tests.Querying;

/// <summary>A seeded random catalog and random filters over a small vocabulary, so filters often overlap.</summary>
public static class RandomCatalog
{
    public static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    public static readonly string[] Genres = ["Action", "Comedy", "Drama", "Sci-Fi", "Horror", "Documentary"];
    public static readonly string[] Tags = ["robots", "space", "heist", "love", "war", "family", "time travel", "Noir"];
    public static readonly string[] People = ["Ann Lee", "Bo Chen", "Cy Park", "Di Ross", "Ed Wood", "Flo Kay"];
    public static readonly string[] Ratings = ["G", "PG", "PG-13", "R"];
    public static readonly string[] Languages = ["en", "fr", "de"];
    private static readonly string[] Words = ["dark", "star", "night", "river", "robot", "city", "last", "blue", "iron", "dream"];

    public static List<Title> Titles(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Title(random, $"t{i:D3}"))];
    }

    private static Title Title(Random random, string id)
    {
        var releaseKind = random.Next(4);
        var released = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 78));
        var votes = random.Next(3) == 0 ? 0 : random.Next(1, 5000);
        return new Title
        {
            Id = id,
            Name = $"{Pick(random, Words)} {Pick(random, Words)}",
            Kind = (TitleKind)random.Next(5),
            ReleaseDate = releaseKind == 0 ? null : releaseKind == 1 ? null : released,
            ReleaseYear = releaseKind == 0 ? null : released.Year,
            AddedAt = Now.AddHours(-random.Next(-24 * 60, 24 * 365 * 3)),
            AvailableUntil = random.Next(5) switch
            {
                0 => Now.AddHours(random.Next(-24 * 60, 24 * 60)),
                _ => null,
            },
            Genres = Some(random, Genres, 3),
            Tags = Some(random, Tags, 4),
            Directors = Some(random, People, 1),
            Cast = Some(random, People, 3),
            ContentRating = random.Next(5) == 0 ? null : Pick(random, Ratings),
            Languages = Some(random, Languages, 2),
            RatingCount = votes,
            RatingSum = votes * (1 + (random.NextDouble() * 9)),
            Trailers = random.Next(3) == 0
                ? [new Trailer { Id = id + "-tr", TitleId = id, Url = "https://www.youtube.com/watch?v=abc" }]
                : [],
        };
    }

    public static TitleFilter Filter(Random random)
    {
        T? Maybe<T>(Func<T> make)
            where T : class => random.Next(3) == 0 ? make() : null;
        return new TitleFilter
        {
            Kinds = Maybe(() => Some(random, Enum.GetValues<TitleKind>(), 2)),
            Genres = Maybe(() => Some(random, Genres, 2)),
            Tags = Maybe(() => Some(random, Tags, 2)),
            AnyTags = Maybe(() => Some(random, Tags, 3)),
            ExcludeTags = Maybe(() => Some(random, Tags, 1)),
            Released = Maybe(() => new DateRange(
                random.Next(2) == 0 ? null : new DateOnly(1960, 1, 1).AddDays(random.Next(365 * 40)),
                random.Next(2) == 0 ? null : new DateOnly(1990, 1, 1).AddDays(random.Next(365 * 40)))),
            ReleaseYear = Maybe(() => new IntRange(random.Next(2) == 0 ? null : random.Next(1950, 2000), random.Next(2) == 0 ? null : random.Next(1980, 2030))),
            Added = Maybe(() => new InstantRange(
                random.Next(2) == 0 ? null : Now.AddDays(-random.Next(0, 900)),
                random.Next(2) == 0 ? null : Now.AddDays(-random.Next(0, 400)))),
            MinRating = random.Next(4) == 0 ? 4 + (random.NextDouble() * 4) : null,
            MinVotes = random.Next(4) == 0 ? random.Next(0, 3000) : null,
            ContentRatings = Maybe(() => Some(random, Ratings, 2)),
            Languages = Maybe(() => Some(random, Languages, 1)),
            People = Maybe(() => Some(random, People, 2).Select(p => p.ToUpperInvariant()).ToList()),
            HasTrailer = random.Next(4) == 0 ? random.Next(2) == 0 : null,
        };
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static List<T> Some<T>(Random random, T[] values, int max) =>
        [.. values.OrderBy(_ => random.Next()).Take(random.Next(0, max + 1))];
}
