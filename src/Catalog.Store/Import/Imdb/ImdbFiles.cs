using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Catalog.Store.Import.Imdb;

/// <summary>Finding and opening IMDb's dataset files, plain or gzip-compressed.</summary>
internal static class ImdbFiles
{
    public const string Basics = "title.basics.tsv";
    public const string Ratings = "title.ratings.tsv";
    public const string BasicsHeader = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres";
    public const string RatingsHeader = "tconst\taverageRating\tnumVotes";

    /// <summary>What --format auto looks for in a file's first line.</summary>
    public const string BasicsSignature = "tconst\ttitleType";

    public const string Null = "\\N";

    /// <summary>title.basics.tsv (or .gz) in a folder, or the path itself when it is a file.</summary>
    public static string? BasicsFile(string path) =>
        Directory.Exists(path) ? InFolder(path, Basics)
        : File.Exists(path) ? Path.GetFullPath(path)
        : null;

    /// <summary>title.ratings.tsv (or .gz) in the folder, or beside the basics file.</summary>
    public static string? RatingsFile(string path) =>
        InFolder(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!, Ratings);

    /// <summary>A reader over the file's text; gzip is recognised by its magic bytes, not its name.</summary>
    public static StreamReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var gzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            file.Position = 0;
            Stream text = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            return new StreamReader(text, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Bytes of the file (compressed, for gzip) consumed by <paramref name="reader"/> so far.</summary>
    public static long BytesRead(StreamReader reader) =>
        (reader.BaseStream is GZipStream gzip ? gzip.BaseStream : reader.BaseStream).Position;

    /// <summary>The first line of the file, or null when it cannot be read as text (or gzipped text).</summary>
    public static string? FirstLine(string path)
    {
        try
        {
            using var reader = OpenText(path);
            return reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when the header names IMDb's columns in order (extra trailing columns allowed).</summary>
    public static bool HasHeader(string? firstLine, string header) =>
        firstLine is not null && firstLine.TrimEnd('\r').StartsWith(header, StringComparison.OrdinalIgnoreCase);

    /// <summary>"tt0111161" → 111161; IMDb's own files are sorted by this number.</summary>
    public static bool TryParseKey(string tconst, out long key)
    {
        key = 0;
        return tconst.Length is > 2 and <= 14
            && tconst.StartsWith("tt", StringComparison.Ordinal)
            && long.TryParse(tconst.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out key);
    }

    private static string? InFolder(string folder, string name) =>
        new[] { name, name + ".gz" }.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
}
