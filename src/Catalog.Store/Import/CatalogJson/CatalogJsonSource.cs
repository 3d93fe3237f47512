namespace Catalog.Store.Import.CatalogJson;

/// <summary>The project's own format: a JSON array of titles with every field (see README). Not implemented yet.</summary>
public sealed class CatalogJsonSource : ITitleSource
{
    public string Format => "catalog-json";

    public bool CanRead(string path) => false;

    public IAsyncEnumerable<SourceRecord> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
