using System.Runtime.CompilerServices;

namespace Catalog.Store.Import.MovieLens;

/// <summary>The files of a MovieLens folder and their numbered data lines.</summary>
internal static class MovieLensFile
{
    public const string Movies = "movies.csv";
    public const string Tags = "tags.csv";
    public const string Links = "links.csv";
    public const string Ratings = "ratings.csv";

    public const string MoviesHeader = "movieId,title,genres";
    public const string TagsHeader = "userId,movieId,tag";
    public const string LinksHeader = "movieId,imdbId,tmdbId";
    public const string RatingsHeader = "userId,movieId,rating";

    /// <summary>True when the file's first line starts with <paramref name="header"/> (a UTF-8 BOM is ignored).</summary>
    public static bool HasHeader(string path, string header)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return reader.ReadLine()?.Trim().StartsWith(header, StringComparison.OrdinalIgnoreCase) == true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The data lines after the header with their 1-based line numbers (the header is line 1, so data
    /// starts on line 2), and the bytes read so far. Blank lines are not records and are passed over.
    /// </summary>
    /// <exception cref="ImportException">The file does not start with <paramref name="header"/>.</exception>
    public static async IAsyncEnumerable<(int Line, string Text, long Position)> ReadRowsAsync(
        string path, string header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var file = reader.BaseStream;
        var first = await reader.ReadLineAsync(cancellationToken);
        if (first is null || !first.Trim().StartsWith(header, StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(
                $"{Path.GetFileName(path)}: expected a header starting with '{header}', found '{first ?? "(empty file)"}'.");
        }

        var line = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
                yield return (line, text, file.Position);
        }
    }
}
