namespace Catalog.Search.Tests.Querying;

/// <summary>
/// One index of 160 random titles shared by the property tests of a class, written in several segments
/// with deleted outdated versions, as a long-running index is.
/// </summary>
public sealed class RandomCatalogFixture : IDisposable
{
    public SearchHarness Harness { get; } = SearchHarness.Segmented(RandomCatalog.Titles(160, seed: 20261126), RandomCatalog.Now, segmentSize: 37);

    public void Dispose() => Harness.Dispose();
}
