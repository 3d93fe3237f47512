namespace Catalog.Search.Tests.Querying;

/// <summary>The hand-made fixture catalog, indexed once per test class.</summary>
public sealed class FixtureSearchFixture : IDisposable
{
    public SearchHarness Harness { get; } = SearchHarness.Fixtures();

    public void Dispose() => Harness.Dispose();
}
