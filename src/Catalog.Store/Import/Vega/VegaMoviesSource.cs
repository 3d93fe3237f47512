namespace Catalog.Store.Import.Vega;

/// <summary>movies.json of the vega-datasets package. Not implemented yet.</summary>
public sealed class VegaMoviesSource : ITitleSource
{
    public string Format => "vega-movies";

    public bool CanRead(string path) => false;

    public IAsyncEnumerable<SourceRecord> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
