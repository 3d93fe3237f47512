namespace Catalog.Store.Import.Imdb;

/// <summary>IMDb's title.basics.tsv (+ optional title.ratings.tsv), plain or .gz. Not implemented yet.</summary>
public sealed class ImdbTsvSource : ITitleSource
{
    public string Format => "imdb-tsv";

    public bool CanRead(string path) => false;

    public IAsyncEnumerable<SourceRecord> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
