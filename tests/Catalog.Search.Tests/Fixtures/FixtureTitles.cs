using Catalog.Core.Titles;

namespace Catalog.Search.Tests.Fixtures;

/// <summary>
/// Small hand-made catalog with the hard cases of SPEC 1 and 3: punctuation (Spider-Man, Mr. Robot,
/// WALL-E, I, Robot), accents (Léon), stems (Robots), prefixes (Terminator), availability edges (coming
/// and expired titles) and a 1990s film added to the catalog recently. "Now" for these is <see cref="Now"/>.
/// </summary>
public static class FixtureTitles
{
    public static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<Title> All { get; } =
    [
        Make("the-terminator-1984", "The Terminator", TitleKind.Movie, new DateOnly(1984, 10, 26), Now.AddYears(-5),
            "A cyborg assassin is sent back in time to kill the mother of humanity's future saviour.",
            genres: ["Action", "Sci-Fi"], tags: ["robots", "time travel", "cyborg"], directors: ["James Cameron"],
            cast: ["Arnold Schwarzenegger", "Linda Hamilton"], rating: (8.0, 900_000), contentRating: "R", trailer: true),
        Make("terminator-2-judgment-day-1991", "Terminator 2: Judgment Day", TitleKind.Movie, new DateOnly(1991, 7, 3), Now.AddYears(-5),
            "A reprogrammed terminator protects a boy from a more advanced robot made of liquid metal.",
            genres: ["Action", "Sci-Fi"], tags: ["robots", "time travel", "sequel"], directors: ["James Cameron"],
            cast: ["Arnold Schwarzenegger", "Linda Hamilton", "Edward Furlong"], rating: (8.6, 1_100_000), contentRating: "R", trailer: true),
        Make("spider-man-2002", "Spider-Man", TitleKind.Movie, new DateOnly(2002, 5, 3), Now.AddYears(-3),
            "Bitten by a genetically modified spider, a shy student gains the powers of a spider.",
            genres: ["Action", "Adventure"], tags: ["superhero", "new york"], directors: ["Sam Raimi"],
            cast: ["Tobey Maguire", "Kirsten Dunst"], rating: (7.4, 800_000), contentRating: "PG-13", trailer: true),
        Make("mr-robot-2015", "Mr. Robot", TitleKind.Series, new DateOnly(2015, 6, 24), Now.AddYears(-2),
            "A cyber-security engineer and hacker is recruited by a mysterious anarchist.",
            genres: ["Drama", "Thriller"], tags: ["hacking", "anarchy"], directors: ["Sam Esmail"],
            cast: ["Rami Malek", "Christian Slater"], rating: (8.5, 400_000), contentRating: "TV-MA"),
        Make("mr-bean-1990", "Mr. Bean", TitleKind.Series, new DateOnly(1990, 1, 1), Now.AddYears(-4),
            "The misadventures of a childlike man who rarely speaks.",
            genres: ["Comedy"], tags: ["british", "slapstick"], directors: ["John Howard Davies"],
            cast: ["Rowan Atkinson"], rating: (8.6, 120_000), contentRating: "TV-PG"),
        Make("leon-the-professional-1994", "Léon: The Professional", TitleKind.Movie, new DateOnly(1994, 9, 14), Now.AddDays(-3),
            "A professional hitman takes in a twelve-year-old girl after her family is murdered.",
            genres: ["Crime", "Drama"], tags: ["hitman", "new york"], directors: ["Luc Besson"],
            cast: ["Jean Reno", "Natalie Portman", "Gary Oldman"], rating: (8.5, 1_200_000), contentRating: "R",
            originalName: "Léon", languages: ["en", "fr"]),
        Make("i-robot-2004", "I, Robot", TitleKind.Movie, new DateOnly(2004, 7, 16), Now.AddYears(-3),
            "In 2035 a technophobic cop investigates a crime that may have been perpetrated by a robot.",
            genres: ["Action", "Sci-Fi"], tags: ["robots", "artificial intelligence"], directors: ["Alex Proyas"],
            cast: ["Will Smith"], rating: (7.1, 580_000), contentRating: "PG-13", trailer: true),
        Make("robots-2005", "Robots", TitleKind.Movie, null, Now.AddYears(-3),
            "In a world of mechanical beings, a young inventor travels to the big city.",
            genres: ["Animation", "Comedy"], tags: ["robots", "family"], directors: ["Chris Wedge"],
            cast: ["Ewan McGregor", "Halle Berry"], rating: (6.4, 150_000), contentRating: "PG", year: 2005),
        Make("wall-e-2008", "WALL-E", TitleKind.Movie, new DateOnly(2008, 6, 27), Now.AddYears(-3),
            "A lonely waste-collecting robot falls in love and follows her into space.",
            genres: ["Animation", "Sci-Fi"], tags: ["robots", "space", "family"], directors: ["Andrew Stanton"],
            cast: ["Ben Burtt", "Elissa Knight"], rating: (8.4, 1_100_000), contentRating: "G", trailer: true),
        Make("planet-earth-2006", "Planet Earth", TitleKind.Documentary, new DateOnly(2006, 3, 5), Now.AddDays(-10),
            "Wildlife across the planet's habitats, filmed over five years.",
            genres: ["Documentary"], tags: ["nature", "animals"], directors: ["Alastair Fothergill"],
            cast: ["David Attenborough"], rating: (9.4, 220_000), contentRating: "TV-G"),
        Make("the-robot-uprising-2027", "The Robot Uprising", TitleKind.Movie, new DateOnly(2027, 2, 1), Now.AddDays(20),
            "Announced: machines rise against their makers.",
            genres: ["Sci-Fi"], tags: ["robots"], directors: ["Jane Doe"], cast: ["John Roe"]),
        Make("old-robot-show-1960", "Old Robot Show", TitleKind.Series, new DateOnly(1960, 1, 1), Now.AddYears(-10),
            "A vintage show about a household robot.",
            genres: ["Comedy"], tags: ["robots"], directors: ["Ann Vintage"], cast: ["Bob Classic"],
            availableUntil: Now.AddDays(-1)),
        Make("short-circuit-1986", "Short Circuit", TitleKind.Movie, new DateOnly(1986, 5, 9), Now.AddYears(-6),
            "A military robot is struck by lightning and comes to believe it is alive.",
            genres: ["Comedy", "Sci-Fi"], tags: ["robots"], directors: ["John Badham"],
            cast: ["Ally Sheedy", "Steve Guttenberg"], rating: (6.6, 70_000), contentRating: "PG",
            availableUntil: Now.AddDays(12)),
        Make("fresh-feature-2026", "Fresh Feature", TitleKind.Movie, new DateOnly(2026, 9, 1), Now.AddDays(-2),
            "A new film released this year and just added.",
            genres: ["Drama"], tags: ["indie"], directors: ["New Director"], cast: ["New Actor"], rating: (10.0, 3)),
    ];

    public static Title Get(string id) => All.Single(t => t.Id == id);

    /// <summary>A fresh, unshared copy of every fixture title (tests that save them to a store mutate them).</summary>
    public static List<Title> Copies() => [.. All.Select(Copy)];

    public static Title Copy(Title t) => new()
    {
        Id = t.Id, Kind = t.Kind, Name = t.Name, OriginalName = t.OriginalName, AlternateNames = [.. t.AlternateNames],
        Synopsis = t.Synopsis, ReleaseDate = t.ReleaseDate, ReleaseYear = t.ReleaseYear, AddedAt = t.AddedAt,
        AvailableUntil = t.AvailableUntil, RuntimeMinutes = t.RuntimeMinutes, ContentRating = t.ContentRating,
        Languages = [.. t.Languages], Countries = [.. t.Countries], Genres = [.. t.Genres], Tags = [.. t.Tags],
        Directors = [.. t.Directors], Cast = [.. t.Cast], ImdbId = t.ImdbId, TmdbId = t.TmdbId,
        RatingSum = t.RatingSum, RatingCount = t.RatingCount,
        Trailers = [.. t.Trailers.Select(tr => new Trailer { Id = tr.Id, TitleId = tr.TitleId, Url = tr.Url, EmbedUrl = tr.EmbedUrl, Site = tr.Site, Kind = tr.Kind, Language = tr.Language })],
    };

    private static Title Make(
        string id, string name, TitleKind kind, DateOnly? released, DateTime addedAt, string synopsis,
        string[] genres, string[] tags, string[] directors, string[] cast, (double Mean, int Votes)? rating = null,
        string? contentRating = null, bool trailer = false, string? originalName = null, string[]? languages = null,
        int? year = null, DateTime? availableUntil = null) => new()
        {
            Id = id, Name = name, Kind = kind, ReleaseDate = released, ReleaseYear = year ?? released?.Year,
            AddedAt = addedAt, AvailableUntil = availableUntil, Synopsis = synopsis, Genres = [.. genres], Tags = [.. tags],
            Directors = [.. directors], Cast = [.. cast], ContentRating = contentRating, OriginalName = originalName,
            Languages = [.. languages ?? ["en"]],
            RatingSum = rating is { } r ? r.Mean * r.Votes : 0, RatingCount = rating?.Votes ?? 0,
            Trailers = trailer
                ? [new Trailer { Id = $"{id}-trailer", TitleId = id, Url = $"https://www.youtube.com/watch?v={id[..Math.Min(11, id.Length)]}", Site = TrailerSite.YouTube }]
                : [],
        };
}
