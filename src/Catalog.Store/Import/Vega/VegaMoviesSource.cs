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
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await foreach (var element in JsonArrayReader.ReadAsync(file, cancellationToken: cancellationToken))
            yield return VegaRecordMapper.Map(element);
    }
}
