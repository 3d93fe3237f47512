using System.Globalization;

namespace Catalog.Store.Import.Imdb;

/// <summary>One title.ratings.tsv row on the catalog's scale, or why its rating cannot be used.</summary>
internal readonly record struct ImdbRating(long Key, int Line, double Sum, int Count, string? Problem);

/// <summary>
/// Looks up title.ratings.tsv rows for title.basics.tsv keys. IMDb sorts both files by tconst, so the
/// lookup is a merge join that keeps one row in memory. A first quick pass checks that the ratings are
/// sorted (a merge over unsorted rows would silently miss ratings); if they are not, or the titles go
/// backwards later, the ratings are read into a dictionary keyed by the numeric tconst instead.
/// </summary>
internal sealed class ImdbRatings(string path) : IDisposable
{
    private StreamReader _reader = ImdbFiles.OpenText(path);
    private ImdbRating? _current;
    private int _line;
    private int _furthestLine;
    private long _lastKey = long.MinValue;
    private Dictionary<long, ImdbRating>? _all;
    private readonly List<string> _problems = [];

    public string FileName { get; } = Path.GetFileName(path);

    /// <summary>Compressed bytes read so far (the merge advances through the file with the titles).</summary>
    public long Position => _all is null ? ImdbFiles.BytesRead(_reader) : new FileInfo(path).Length;

    public static async Task<ImdbRatings> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var ratings = new ImdbRatings(path);
        try
        {
            var header = await ratings._reader.ReadLineAsync(cancellationToken);
            if (!ImdbFiles.HasHeader(header, ImdbFiles.RatingsHeader))
                throw new ImportException($"{ratings.FileName}: expected the header '{ImdbFiles.RatingsHeader.Replace("\t", "\\t", StringComparison.Ordinal)}'.");
            ratings._line = 1;
            if (await IsSortedAsync(path, cancellationToken))
                await ratings.AdvanceAsync(cancellationToken);
            else
                await ratings.LoadAllAsync(cancellationToken);
            return ratings;
        }
        catch
        {
            ratings.Dispose();
            throw;
        }
    }

    /// <summary>Rows that name no title, found since the last call; reported on the record being read.</summary>
    public IReadOnlyList<string> TakeProblems()
    {
        if (_problems.Count == 0)
            return [];
        var taken = _problems.ToList();
        _problems.Clear();
        return taken;
    }

    public async ValueTask<ImdbRating?> FindAsync(long key, CancellationToken cancellationToken)
    {
        if (_all is null && key < _lastKey)
            await LoadAllAsync(cancellationToken);
        _lastKey = key;
        while (_all is null && _current is { } row && row.Key < key)
            await AdvanceAsync(cancellationToken);
        if (_all is not null)
            return _all.TryGetValue(key, out var found) ? found : null;
        return _current is { } match && match.Key == key ? match : null;
    }

    private async Task AdvanceAsync(CancellationToken cancellationToken) =>
        _current = await NextAsync(_reader, cancellationToken);

    private static async Task<bool> IsSortedAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = ImdbFiles.OpenText(path);
        await reader.ReadLineAsync(cancellationToken);
        var previous = long.MinValue;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            var tab = text.IndexOf('\t', StringComparison.Ordinal);
            if (!ImdbFiles.TryParseKey(tab < 0 ? text : text[..tab], out var key))
                continue;
            if (key <= previous)
                return false;
            previous = key;
        }

        return true;
    }

    private async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        _reader.Dispose();
        _reader = ImdbFiles.OpenText(path);
        await _reader.ReadLineAsync(cancellationToken);
        _line = 1;
        var all = new Dictionary<long, ImdbRating>();
        while (await NextAsync(_reader, cancellationToken) is { } row)
            all[row.Key] = row;
        _all = all;
        _current = null;
    }

    /// <summary>The next row that names a title; rows that do not are noted (once) and passed over.</summary>
    private async Task<ImdbRating?> NextAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            _line++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            var fields = text.TrimEnd('\r').Split('\t');
            if (ImdbFiles.TryParseKey(fields[0], out var key))
                return Parse(key, fields);
            if (_line > _furthestLine)
                _problems.Add($"{FileName} line {_line}: tconst '{fields[0]}' is not an IMDb id; row ignored");
            _furthestLine = Math.Max(_furthestLine, _line);
        }

        return null;
    }

    private ImdbRating Parse(long key, string[] fields)
    {
        _furthestLine = Math.Max(_furthestLine, _line);
        if (fields.Length < 3)
            return new ImdbRating(key, _line, 0, 0, "expected tconst, averageRating and numVotes");
        if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var average) || average is not (>= 1 and <= 10))
            return new ImdbRating(key, _line, 0, 0, $"averageRating '{fields[1]}' is not a number from 1 to 10");
        if (!int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var votes))
            return new ImdbRating(key, _line, 0, 0, $"numVotes '{fields[2]}' is not a whole number");
        return new ImdbRating(key, _line, average * votes, votes, null);
    }

    public void Dispose() => _reader.Dispose();
}
