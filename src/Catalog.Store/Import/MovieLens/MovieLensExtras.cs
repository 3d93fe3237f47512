using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Catalog.Core.Titles.Rules;

namespace Catalog.Store.Import.MovieLens;

/// <summary>What tags.csv, links.csv and ratings.csv say about one movie.</summary>
internal sealed class MovieExtras
{
    public string? ImdbId { get; set; }
    public string? TmdbId { get; set; }

    /// <summary>Sum of ratings on the catalog's 1–10 scale (MovieLens stars × 2).</summary>
    public double RatingSum { get; set; }

    public int RatingCount { get; set; }

    /// <summary>Normalised tag → number of tags.csv rows applying it.</summary>
    public Dictionary<string, int> TagUses { get; } = new(StringComparer.Ordinal);

    public ProblemTally Problems { get; } = new();
}

/// <summary>
/// The side files aggregated per movieId before movies.csv is streamed. Only sums, counts and
/// distinct tags are kept, never rows, so a 25-million-row ratings.csv costs one entry per movie.
/// </summary>
internal sealed partial class MovieLensExtras
{
    private readonly Dictionary<int, MovieExtras> _byMovie = [];

    /// <summary>Rows that name no usable movieId, so no movie can carry their warning.</summary>
    public ProblemTally FileProblems { get; } = new();

    /// <summary>Bytes of the side files, all read before the first movie: where progress starts.</summary>
    public long BytesRead { get; private init; }

    public MovieExtras? For(int movieId) => _byMovie.GetValueOrDefault(movieId);

    public static async Task<MovieLensExtras> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var tags = Path.Combine(folder, MovieLensFile.Tags);
        var links = Path.Combine(folder, MovieLensFile.Links);
        var ratings = Path.Combine(folder, MovieLensFile.Ratings);
        var extras = new MovieLensExtras { BytesRead = new[] { tags, links, ratings }.Where(File.Exists).Sum(f => new FileInfo(f).Length) };
        await ReadAsync(links, MovieLensFile.LinksHeader, extras.AddLink, cancellationToken);
        await ReadAsync(tags, MovieLensFile.TagsHeader, extras.AddTag, cancellationToken);
        await ReadAsync(ratings, MovieLensFile.RatingsHeader, extras.AddRating, cancellationToken);
        return extras;
    }

    /// <summary>Side files are optional: a missing one simply adds nothing.</summary>
    private static async Task ReadAsync(string path, string header, Action<int, string> addRow, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return;
        await foreach (var (line, text, _) in MovieLensFile.ReadRowsAsync(path, header, cancellationToken))
            addRow(line, text);
    }

    private void AddLink(int line, string text)
    {
        var fields = CsvLine.Split(text);
        if (Movie(fields, 0, MovieLensFile.Links, line) is not { } movie)
            return;
        if (fields!.Count < 2)
        {
            movie.Problems.Add(MovieLensFile.Links, line, "expected movieId,imdbId,tmdbId");
            return;
        }

        var imdb = fields[1].Trim();
        if (imdb.StartsWith("tt", StringComparison.OrdinalIgnoreCase))
            imdb = imdb[2..];
        if (imdb.Length > 0 && !Digits().IsMatch(imdb))
            movie.Problems.Add(MovieLensFile.Links, line, "imdbId is not a number");
        else
            movie.ImdbId = imdb.Length == 0 ? null : "tt" + imdb.PadLeft(7, '0');

        var tmdb = fields.Count > 2 ? fields[2].Trim() : "";
        if (tmdb.Length > 0 && !Digits().IsMatch(tmdb))
            movie.Problems.Add(MovieLensFile.Links, line, "tmdbId is not a number");
        else
            movie.TmdbId = tmdb.Length == 0 ? null : tmdb;
    }

    private void AddTag(int line, string text)
    {
        var fields = CsvLine.Split(text);
        if (Movie(fields, 1, MovieLensFile.Tags, line) is not { } movie)
            return;
        if (fields!.Count < 4)
        {
            movie.Problems.Add(MovieLensFile.Tags, line, "expected userId,movieId,tag,timestamp");
            return;
        }

        // The timestamp is the last column, so an unquoted comma can only have split the tag itself.
        var tag = TagRules.Normalize(string.Join(',', fields.Skip(2).Take(fields.Count - 3)));
        if (tag.Length > 0)
            movie.TagUses[tag] = movie.TagUses.GetValueOrDefault(tag) + 1;
    }

    /// <summary>Hot path (one call per rating): spans only, no field list.</summary>
    private void AddRating(int line, string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOf(',');
        var second = first < 0 ? -1 : span[(first + 1)..].IndexOf(',');
        if (second < 0)
        {
            FileProblems.Add(MovieLensFile.Ratings, line, "expected userId,movieId,rating,timestamp");
            return;
        }

        var rest = span[(first + 1)..];
        if (!int.TryParse(rest[..second], NumberStyles.None, CultureInfo.InvariantCulture, out var movieId))
        {
            FileProblems.Add(MovieLensFile.Ratings, line, "movieId is not a number");
            return;
        }

        var ratingText = rest[(second + 1)..];
        var third = ratingText.IndexOf(',');
        if (third >= 0)
            ratingText = ratingText[..third];
        var movie = Entry(movieId);
        if (!double.TryParse(ratingText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var stars) || stars is not (>= 0.5 and <= 5))
        {
            movie.Problems.Add(MovieLensFile.Ratings, line, "rating is not a number from 0.5 to 5");
            return;
        }

        movie.RatingSum += stars * 2;
        movie.RatingCount++;
    }

    private MovieExtras? Movie(List<string>? fields, int column, string file, int line)
    {
        if (fields is null)
        {
            FileProblems.Add(file, line, "a quoted field is not closed");
            return null;
        }

        if (fields.Count <= column || !int.TryParse(fields[column].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var movieId))
        {
            FileProblems.Add(file, line, "movieId is not a number");
            return null;
        }

        return Entry(movieId);
    }

    private MovieExtras Entry(int movieId)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_byMovie, movieId, out _);
        return entry ??= new MovieExtras();
    }

    [GeneratedRegex("^[0-9]{1,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
