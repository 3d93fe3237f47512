using Catalog.Search.Tests.Fixtures;
using Catalog.Search.Tests.Querying;

namespace Catalog.Search.Tests.Relevance;

/// <summary>The bundled sample catalog indexed once per test class, searched at its as-of instant.</summary>
public sealed class SampleSearchFixture : IDisposable
{
    public SearchHarness Harness { get; } = SearchHarness.Of(SampleCatalog.Titles, SampleCatalog.Now);

    public void Dispose() => Harness.Dispose();
}
