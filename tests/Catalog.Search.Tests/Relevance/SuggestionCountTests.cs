using Catalog.Search.Tests.Querying;

namespace Catalog.Search.Tests.Relevance;

/// <summary>As-you-type suggestions return as many as asked, up to the API's page cap (100), on the sample catalog.</summary>
public sealed class SuggestionCountTests(SampleCatalogSearch sample) : IClassFixture<SampleCatalogSearch>
{
    [Theory]
    [InlineData(8)]
    [InlineData(50)]
    [InlineData(100)]
    public void A_common_prefix_fills_the_number_asked_for(int first)
    {
        var suggestions = sample.Harness.Search.SuggestAsync("the", first).Get();

        Assert.Equal(first, suggestions.Count);
        Assert.Equal(suggestions.Count, suggestions.Distinct().Count());
    }
}
