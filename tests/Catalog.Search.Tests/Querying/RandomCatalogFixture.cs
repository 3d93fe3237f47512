namespace Catalog.Search.Tests.Querying;

/// <summary>One index of 160 random titles shared by the property tests of a class.</summary>
public sealed class RandomCatalogFixture : IDisposable
{
    public SearchHarness Harness { get; } = SearchHarness.Of(RandomCatalog.Titles(160, seed: 20261126), RandomCatalog.Now);

    public void Dispose() => Harness.Dispose();
}
