namespace Catalog.Store.Import.MovieLens;

/// <summary>A MovieLens folder: movies.csv, tags.csv, links.csv, optional ratings.csv. Not implemented yet.</summary>
public sealed class MovieLensSource : ITitleSource
{
    public string Format => "movielens";

    public bool CanRead(string path) => false;

    public IAsyncEnumerable<SourceRecord> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
