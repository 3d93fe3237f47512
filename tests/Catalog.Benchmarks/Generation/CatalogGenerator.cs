using System.Text;
using Catalog.Core.Titles;

namespace Catalog.Benchmarks.Generation;

/// <summary>
/// Generates a deterministic catalog: the same seed and size give the same titles, in the same order,
/// on every machine. Distributions: Zipf words/tags/people, the genre mix of <see cref="CatalogVocabulary"/>,
/// release years skewed recent, added dates skewed recent, heavy-tailed (log-normal) vote counts.
/// </summary>
internal sealed class CatalogGenerator(CatalogVocabulary vocabulary, DateTime now, int seed)
{
    private static readonly (TitleKind Kind, double Weight)[] KindMix =
        [(TitleKind.Movie, 70), (TitleKind.Series, 15), (TitleKind.Documentary, 8), (TitleKind.Short, 5), (TitleKind.Special, 2)];

    private static readonly (string? Rating, double Weight)[] ContentRatingMix =
        [("G", 5), ("PG", 14), ("PG-13", 22), ("R", 28), ("NC-17", 1), ("TV-MA", 8), ("TV-14", 7), (null, 15)];

    private static readonly (string Language, double Weight)[] LanguageMix =
        [("en", 58), ("fr", 7), ("es", 8), ("de", 4), ("ja", 6), ("ko", 5), ("hi", 5), ("it", 3), ("pt", 2), ("sv", 1), ("zh", 1)];

    private static readonly string[] Countries = ["US", "GB", "FR", "ES", "DE", "JP", "KR", "IN", "IT", "BR", "SE", "CN", "CA", "AU"];

    public DateTime Now => now;

    public IEnumerable<Title> Generate(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return Next(random, i);
    }

    private Title Next(Random random, int index)
    {
        var name = Name(random);
        var (releaseDate, releaseYear) = Release(random);
        var addedAt = AddedAt(random, releaseDate, releaseYear);
        var id = $"{TitleIds.Slug(name, releaseYear)}-{index.ToString("x", System.Globalization.CultureInfo.InvariantCulture)}";
        var votes = Votes(random);
        var mean = Math.Clamp(Normal(random, 6.3 + Math.Log10(votes + 1) * 0.15, 1.0), 1.0, 10.0);
        var language = Pick(random, LanguageMix);
        var title = new Title
        {
            Id = id,
            Kind = Pick(random, KindMix),
            Name = name,
            Synopsis = Synopsis(random),
            ReleaseDate = releaseDate,
            ReleaseYear = releaseYear,
            AddedAt = addedAt,
            AvailableUntil = random.NextDouble() < 0.08 ? addedAt.AddDays(30 + random.Next(900)) : null,
            RuntimeMinutes = 70 + random.Next(90),
            ContentRating = Pick(random, ContentRatingMix),
            Languages = random.NextDouble() < 0.1 ? [language, "en"] : [language],
            Countries = [Countries[random.Next(Countries.Length)]],
            Genres = Genres(random),
            Tags = vocabulary.Tags.Distinct(random, 2 + random.Next(7)),
            Directors = vocabulary.People.Distinct(random, random.NextDouble() < 0.1 ? 2 : 1),
            Cast = vocabulary.People.Distinct(random, 3 + random.Next(6)),
            RatingCount = votes,
            RatingSum = Math.Round(mean * votes, 1),
            UpdatedAt = addedAt,
        };
        if (language != "en" && random.NextDouble() < 0.5)
            title.OriginalName = Name(random);
        if (random.NextDouble() < 0.35)
            title.Trailers = Trailers(random, id, index);
        title.Languages = [.. title.Languages.Distinct(StringComparer.Ordinal)];
        return title;
    }

    private string Name(Random random)
    {
        var words = random.NextDouble() switch { < 0.15 => 1, < 0.5 => 2, < 0.8 => 3, < 0.95 => 4, _ => 5 };
        var builder = new StringBuilder(random.NextDouble() < 0.2 ? "The " : string.Empty);
        for (var i = 0; i < words; i++)
            builder.Append(i == 0 ? string.Empty : " ").Append(vocabulary.TitleWords.Next(random));
        if (random.NextDouble() < 0.04)
            builder.Append(' ').Append(2 + random.Next(4));
        return builder.ToString();
    }

    private string Synopsis(Random random)
    {
        var builder = new StringBuilder(200);
        var words = 12 + random.Next(24);
        for (var i = 0; i < words; i++)
        {
            var word = vocabulary.SynopsisWords.Next(random);
            builder.Append(i == 0 ? WordForge.Capitalized(word) : word).Append(i == words - 1 ? "." : i % 9 == 8 ? ", " : " ");
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Years skewed recent (exponential, mean 12 years back), a few announced for the coming months.</summary>
    private (DateOnly? Date, int Year) Release(Random random)
    {
        var today = DateOnly.FromDateTime(now);
        if (random.NextDouble() < 0.02)
        {
            var upcoming = today.AddDays(1 + random.Next(180));
            return (upcoming, upcoming.Year);
        }

        var year = Math.Max(1920, today.Year - (int)(-Math.Log(1 - random.NextDouble()) * 12));
        var day = new DateOnly(year, 1, 1).AddDays(random.Next(365));
        if (day > today)
            day = today.AddDays(-random.Next(300));
        return random.NextDouble() < 0.92 ? (day, day.Year) : (null, day.Year);
    }

    /// <summary>Added after release, skewed recent (exponential, mean 2 years back); 1% scheduled ahead.</summary>
    private DateTime AddedAt(Random random, DateOnly? releaseDate, int releaseYear)
    {
        var released = (releaseDate ?? new DateOnly(releaseYear, 1, 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (random.NextDouble() < 0.01 || released > now)
            return (released > now ? released : now).AddHours(1 + random.Next(24 * 60));
        var back = now.AddDays(-(-Math.Log(1 - random.NextDouble()) * 730)).AddMinutes(-random.Next(1440));
        var earliest = new DateTime(2012, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var added = back < earliest ? earliest.AddDays(random.Next(365)) : back;
        return added < released ? released.AddDays(random.Next(30)) : added;
    }

    /// <summary>Heavy tail: log-normal, median ~33 votes, a few titles with millions.</summary>
    private static int Votes(Random random) =>
        random.NextDouble() < 0.05 ? 0 : (int)Math.Min(3_000_000, Math.Exp(Normal(random, 3.5, 2.2)));

    private static List<string> Genres(Random random)
    {
        var genres = new List<string> { Pick(random, CatalogVocabulary.GenreMix) };
        var extra = random.NextDouble() switch { < 0.45 => 0, < 0.85 => 1, _ => 2 };
        for (var i = 0; i < extra; i++)
        {
            var genre = Pick(random, CatalogVocabulary.GenreMix);
            if (!genres.Contains(genre))
                genres.Add(genre);
        }

        return genres;
    }

    private static List<Trailer> Trailers(Random random, string titleId, int index)
    {
        var count = random.NextDouble() < 0.7 ? 1 : 2;
        return [.. Enumerable.Range(1, count).Select(n =>
        {
            var video = new string([.. Enumerable.Range(0, 11).Select(_ => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"[random.Next(64)])]);
            return new Trailer
            {
                Id = $"tr-{index.ToString("x", System.Globalization.CultureInfo.InvariantCulture)}-{n}",
                TitleId = titleId,
                Url = $"https://www.youtube.com/watch?v={video}",
                EmbedUrl = $"https://www.youtube.com/embed/{video}",
                Site = TrailerSite.YouTube,
                Kind = n == 1 ? TrailerKind.Trailer : TrailerKind.Teaser,
                Language = "en",
            };
        })];
    }

    private static double Normal(Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static T Pick<T>(Random random, (T Value, double Weight)[] mix)
    {
        var total = 0.0;
        foreach (var (_, weight) in mix)
            total += weight;
        var target = random.NextDouble() * total;
        foreach (var (value, weight) in mix)
        {
            target -= weight;
            if (target < 0)
                return value;
        }

        return mix[^1].Value;
    }
}
