using System.Runtime.CompilerServices;

namespace Catalog.Store.Import.MovieLens;

/// <summary>
/// A MovieLens folder: movies.csv, with optional tags.csv, links.csv and ratings.csv beside it. The
/// side files are aggregated per movie first; movies.csv is then streamed line by line. Records are
/// numbered by movies.csv line, the header being line 1.
/// </summary>
public sealed class MovieLensSource : ITitleSource
{
    public string Format => "movielens";

    /// <summary>A folder holding movies.csv, or movies.csv itself, with MovieLens's header.</summary>
    public bool CanRead(string path)
    {
        var movies = MoviesFile(path);
        return movies is not null && MovieLensFile.HasHeader(movies, MovieLensFile.MoviesHeader);
    }

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var movies = MoviesFile(path)
            ?? throw new ImportException($"{path}: not a MovieLens folder (no {MovieLensFile.Movies} found).");
        var extras = await MovieLensExtras.LoadAsync(Path.GetDirectoryName(movies)!, cancellationToken);
        var records = new MovieLensRecords(extras);

        // Side-file rows that name no movie are reported once, on the first record.
        var pending = extras.FileProblems.Describe().ToList();
        await foreach (var (line, text, position) in MovieLensFile.ReadRowsAsync(movies, MovieLensFile.MoviesHeader, cancellationToken))
        {
            var record = records.Read(line, text) with { Position = extras.BytesRead + position };
            if (pending.Count > 0)
            {
                record = record with { Warnings = [.. pending, .. record.Warnings] };
                pending.Clear();
            }

            yield return record;
        }
    }

    private static string? MoviesFile(string path)
    {
        if (Directory.Exists(path))
        {
            var inFolder = Path.Combine(path, MovieLensFile.Movies);
            return File.Exists(inFolder) ? Path.GetFullPath(inFolder) : null;
        }

        return File.Exists(path) && Path.GetFileName(path).Equals(MovieLensFile.Movies, StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(path)
            : null;
    }
}
