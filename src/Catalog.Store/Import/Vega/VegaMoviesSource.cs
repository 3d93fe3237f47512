using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Catalog.Store.Import.Vega;

/// <summary>movies.json of the vega-datasets package: a JSON array of films with spreadsheet-style columns.</summary>
public sealed class VegaMoviesSource : ITitleSource
{
    public string Format => "vega-movies";

    public bool CanRead(string path) => JsonSniffer.Sniff(path) is { Root: JsonTokenType.StartArray } shape
        && shape.FirstRecordProperties.Contains("Title")
        && (shape.FirstRecordProperties.Contains("Release Date") || shape.FirstRecordProperties.Contains("IMDB Rating"));

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sharedRatings = await SharedRatingsAsync(path, cancellationToken);
        await foreach (var element in ElementsAsync(path, cancellationToken))
            yield return VegaRecordMapper.Map(element, sharedRatings);
    }

    /// <summary>
    /// First pass: the data set joined IMDb ratings on the title alone, so a remake often carries the
    /// rating and votes of the other film of that name. Keys (title, rating, votes) seen with more than
    /// one release date cannot be attributed to either film.
    /// </summary>
    private static async Task<IReadOnlySet<string>> SharedRatingsAsync(string path, CancellationToken cancellationToken)
    {
        var releasesByRating = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var element in ElementsAsync(path, cancellationToken))
        {
            if (VegaRecordMapper.RatingKey(element.Value) is not { } key)
                continue;
            if (!releasesByRating.TryGetValue(key, out var releases))
                releasesByRating[key] = releases = new HashSet<string>(StringComparer.Ordinal);
            releases.Add(element.Value.TryGetProperty("Release Date", out var date) ? date.ToString() : "");
        }

        return releasesByRating.Where(r => r.Value.Count > 1).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static async IAsyncEnumerable<JsonArrayElement> ElementsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await foreach (var element in JsonArrayReader.ReadAsync(file, cancellationToken: cancellationToken))
            yield return element;
    }
}
