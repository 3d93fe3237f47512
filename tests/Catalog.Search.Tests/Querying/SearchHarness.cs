using Catalog.Core;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying;
using Catalog.Search.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace Catalog.Search.Tests.Querying;

/// <summary>A <see cref="TitleSearch"/> over a real test index with the clock fixed at <see cref="Now"/>.</summary>
public sealed class SearchHarness : IDisposable
{
    private readonly IDisposable owned;

    private SearchHarness(ISearcherSource index, CatalogAnalyzers analyzers, IDisposable owned, IReadOnlyList<Title> titles, DateTime now)
    {
        Index = index;
        Analyzers = analyzers;
        this.owned = owned;
        Titles = titles;
        Now = now;
        Search = At(now);
    }

    public ISearcherSource Index { get; }

    public CatalogAnalyzers Analyzers { get; }

    public IReadOnlyList<Title> Titles { get; }

    public DateTime Now { get; }

    public TitleSearch Search { get; }

    public CatalogOptions Options { get; } = new();

    public SearchOptions SearchOptions { get; } = new();

    public static SearchHarness Fixtures() => Of(FixtureTitles.All, FixtureTitles.Now);

    public static SearchHarness Of(IReadOnlyList<Title> titles, DateTime now)
    {
        var index = TestIndex.Create(titles);
        return new(index, index.Analyzers, index, titles, now);
    }

    /// <summary>The titles in several segments with deleted outdated versions (see <see cref="SegmentedIndex"/>).</summary>
    public static SearchHarness Segmented(IReadOnlyList<Title> titles, DateTime now, int segmentSize)
    {
        var index = new SegmentedIndex(titles, segmentSize);
        return new(index, index.Analyzers, index, titles, now);
    }

    /// <summary>A search whose clock says <paramref name="now"/> (with other search options when given).</summary>
    public TitleSearch At(DateTime now, SearchOptions? searchOptions = null) =>
        new(Index, Analyzers, Microsoft.Extensions.Options.Options.Create(Options), searchOptions ?? SearchOptions, new FixedTimeProvider(new DateTimeOffset(now)));

    /// <summary>A search; <paramref name="exact"/> reads the query only as typed (no fallback readings).</summary>
    public SearchResult Find(string? query, TitleFilter? filter = null, TitleSort sort = TitleSort.Relevance, int first = 20, bool exact = false) =>
        Search.SearchAsync(new SearchRequest { Query = query, Filter = filter, Sort = sort, First = first, Exact = exact }).GetAwaiter().GetResult();

    public List<string> Ids(string? query, TitleFilter? filter = null) => [.. Find(query, filter, first: 100).Hits.Select(h => h.TitleId)];

    public void Dispose() => owned.Dispose();
}
