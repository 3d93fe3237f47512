namespace Catalog.Store.Import.MovieLens;

/// <summary>
/// Problems found in the side files (tags, links, ratings), tallied per file and reason so that a
/// thousand bad ratings of one film become one warning, not a thousand.
/// </summary>
internal sealed class ProblemTally
{
    private readonly Dictionary<(string File, string Reason), (int Count, int FirstLine)> _entries = [];

    public void Add(string file, int line, string reason)
    {
        var key = (file, reason);
        _entries[key] = _entries.TryGetValue(key, out var entry) ? (entry.Count + 1, entry.FirstLine) : (1, line);
    }

    public IEnumerable<string> Describe() =>
        _entries.Select(e => e.Value.Count == 1
            ? $"{e.Key.File} line {e.Value.FirstLine}: {e.Key.Reason}; row ignored"
            : $"{e.Key.File}: {e.Value.Count} rows ignored ({e.Key.Reason}), first on line {e.Value.FirstLine}");
}
