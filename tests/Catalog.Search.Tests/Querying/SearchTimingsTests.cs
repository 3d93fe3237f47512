using Catalog.Core.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>A search says where its time went, phase by phase, within the time it says it took.</summary>
public sealed class SearchTimingsTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Theory]
    [InlineData("terminator")] // many matches: reading and matching
    [InlineData("famly")] // a typo: the correction runs
    [InlineData("judgment day")] // few results: related titles
    [InlineData(null)] // no text: matching only
    public async Task The_phases_are_measured_and_fit_in_the_time_taken(string? text)
    {
        var result = await harness.Search.SearchAsync(new SearchRequest { Query = text, Highlight = true, Facets = [new FacetRequest(FacetField.Genre)] });

        var timings = Assert.IsType<SearchTimings>(result.Timings);
        double[] phases = [timings.ReadingMs, timings.MatchingMs, timings.FacetCountingMs, timings.FallbacksMs, timings.RelatedMs, timings.HighlightsMs];
        Assert.All(phases, ms => Assert.True(ms >= 0, $"a phase took {ms} ms"));
        Assert.True(phases.Sum() <= result.TookMs, $"the phases add up to {phases.Sum()} ms, more than the {result.TookMs} ms the search took");
        Assert.True(timings.MatchingMs > 0);
    }
}
