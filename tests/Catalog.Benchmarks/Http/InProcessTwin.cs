using Catalog.Benchmarks.Reporting;
using Catalog.Core.Search;

namespace Catalog.Benchmarks.Http;

/// <summary>The in-process CPU of the searches the HTTP "distinct queries" path asks for, measured before the server starts.</summary>
internal sealed record InProcessTwinCost(int Queries, double CpuMsPerQuery, double CpuMsPerQueryWithoutHighlights);

/// <summary>
/// The HTTP path's searches run in process, for a fair comparison of CPU per request with CPU per query: the same
/// <see cref="SearchRequest"/> the GraphQL resolver builds for <see cref="HttpSuite.SearchDocument"/> (relevance, page of
/// 20, the document's five facets with the API's default value count, highlights on) for each text of the mix. One
/// unmeasured pass first, as the HTTP path warms every text before its measured load, then one measured pass; and the
/// same again without highlights (what the in-process search part asks).
/// </summary>
internal static class InProcessTwin
{
    public static async Task<InProcessTwinCost> MeasureAsync(ITitleSearch search, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var withHighlights = await CpuPerQueryAsync(search, texts, highlight: true, cancellationToken);
        var without = await CpuPerQueryAsync(search, texts, highlight: false, cancellationToken);
        return new InProcessTwinCost(texts.Count, withHighlights, without);
    }

    /// <summary>What the resolver asks for one text of <see cref="HttpSuite.SearchDocument"/>.</summary>
    public static SearchRequest RequestFor(string text, bool highlight) => new()
    {
        Query = text,
        Facets = [.. HttpSuite.DocumentFacets.Select(f => new FacetRequest(f))],
        First = 20,
        Highlight = highlight,
    };

    private static async Task<double> CpuPerQueryAsync(ITitleSearch search, IReadOnlyList<string> texts, bool highlight, CancellationToken cancellationToken)
    {
        foreach (var text in texts)
            await search.SearchAsync(RequestFor(text, highlight), cancellationToken);
        var cpu = CpuClock.Used();
        foreach (var text in texts)
            await search.SearchAsync(RequestFor(text, highlight), cancellationToken);
        return (CpuClock.Used() - cpu).TotalMilliseconds / Math.Max(1, texts.Count);
    }
}
