using System.Globalization;
using Catalog.Core.Titles;

namespace Catalog.Store.Import.MovieLens;

/// <summary>Turns one movies.csv line, plus what the side files say about that movie, into a record.</summary>
internal sealed class MovieLensRecords(MovieLensExtras extras)
{
    private readonly Dictionary<int, int> _lineOfMovieId = [];

    public SourceRecord Read(int line, string text)
    {
        var fields = CsvLine.Split(text);
        if (fields is null)
            return new SourceRecord { Record = line, RejectReason = "a quoted field is not closed on this line" };
        if (fields.Count < 3)
            return new SourceRecord { Record = line, RejectReason = $"expected 3 columns (movieId,title,genres), found {fields.Count}" };

        var warnings = new List<string>();
        var rawName = fields[1];
        if (fields.Count > 3)
        {
            // Genres never hold commas, so extra columns can only come from an unquoted comma in the title.
            rawName = string.Join(',', fields.Skip(1).Take(fields.Count - 2));
            warnings.Add("the title has an unquoted comma; its columns were joined");
        }

        var movieIdText = fields[0].Trim();
        if (!int.TryParse(movieIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var movieId))
            return new SourceRecord { Record = line, Name = rawName, RejectReason = $"movieId '{movieIdText}' is not a number" };
        if (!_lineOfMovieId.TryAdd(movieId, line))
        {
            return new SourceRecord
            {
                Record = line, Name = rawName,
                RejectReason = $"duplicate movieId {movieId} (first on line {_lineOfMovieId[movieId]})",
            };
        }

        var parsed = MovieLensTitleText.Parse(rawName);
        if (parsed.Name.Length == 0)
            return new SourceRecord { Record = line, Name = rawName, RejectReason = $"movieId {movieId} has no title" };
        if (parsed.Year is null)
            warnings.Add("the title carries no \"(year)\"; release year unknown");

        var movie = extras.For(movieId);
        var id = movie?.ImdbId ?? TitleIds.Slug(parsed.Name, parsed.Year);
        if (movie is not null)
            warnings.AddRange(movie.Problems.Describe());
        return new SourceRecord
        {
            Record = line,
            Id = id,
            Name = rawName,
            Draft = Build(id, parsed, fields[^1], movie),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Fields lists Name and Kind, plus every other property this movie has a value for: a value the
    /// folder lacks (no year, no links row, no ratings) never erases one stored from another source.
    /// </summary>
    private static TitleDraft Build(string id, MovieLensTitleText parsed, string genresColumn, MovieExtras? movie)
    {
        var (genres, formatTags) = MovieLensGenres.Map(genresColumn);
        var userTags = movie?.TagUses.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key) ?? [];
        var title = new Title
        {
            Id = id,
            Name = parsed.Name,
            OriginalName = parsed.OriginalName,
            AlternateNames = [.. parsed.AlternateNames],
            ReleaseYear = parsed.Year,
            Kind = parsed.IsYearRange ? TitleKind.Series
                : genres.Contains(MovieLensGenres.Documentary) ? TitleKind.Documentary
                : TitleKind.Movie,
            Genres = genres,

            // Most-used first, then alphabetical, so the order is the same on every run.
            Tags = [.. userTags.Concat(formatTags).Distinct(StringComparer.Ordinal)],
            ImdbId = movie?.ImdbId,
            TmdbId = movie?.TmdbId,
            RatingSum = movie?.RatingSum ?? 0,
            RatingCount = movie?.RatingCount ?? 0,
        };

        HashSet<string> fields = [nameof(Title.Name), nameof(Title.Kind)];
        AddIf(title.OriginalName is not null, nameof(Title.OriginalName));
        AddIf(title.AlternateNames.Count > 0, nameof(Title.AlternateNames));
        AddIf(title.ReleaseYear is not null, nameof(Title.ReleaseYear));
        AddIf(title.Genres.Count > 0, nameof(Title.Genres));
        AddIf(title.Tags.Count > 0, nameof(Title.Tags));
        AddIf(title.ImdbId is not null, nameof(Title.ImdbId));
        AddIf(title.TmdbId is not null, nameof(Title.TmdbId));
        AddIf(title.RatingCount > 0, nameof(Title.RatingSum), nameof(Title.RatingCount));
        return new TitleDraft(title, fields);

        void AddIf(bool provided, params string[] names)
        {
            if (provided)
                fields.UnionWith(names);
        }
    }
}
