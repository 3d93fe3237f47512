using Catalog.Core.Titles;

namespace Catalog.Core.Search;

public enum TitleSort
{
    Relevance,
    Rating,
    Popularity,
    ReleasedNewest,
    ReleasedOldest,
    AddedNewest,
    AddedOldest,
    Name,
}

public enum FacetField
{
    Genre,
    Tag,
    Kind,
    Decade,
    ReleaseYear,
    ContentRating,
    Language,
    RatingBucket,
    HasTrailer,
}

public sealed record DateRange(DateOnly? From, DateOnly? To);

public sealed record InstantRange(DateTime? From, DateTime? To);

public sealed record IntRange(int? Min, int? Max);

/// <summary>The filters of SPEC section 3; every field is optional and fields combine with AND.</summary>
public sealed record TitleFilter
{
    public IReadOnlyList<TitleKind>? Kinds { get; init; }
    public IReadOnlyList<string>? Genres { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? AnyTags { get; init; }
    public IReadOnlyList<string>? ExcludeTags { get; init; }
    public DateRange? Released { get; init; }
    public IntRange? ReleaseYear { get; init; }
    public InstantRange? Added { get; init; }
    public double? MinRating { get; init; }
    public int? MinVotes { get; init; }
    public IReadOnlyList<string>? ContentRatings { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public IReadOnlyList<string>? People { get; init; }
    public bool? HasTrailer { get; init; }
}

public sealed record FacetRequest(FacetField Field, string? Prefix = null, int MaxValues = 50);

public sealed record SearchRequest
{
    public string? Query { get; init; }
    public TitleFilter? Filter { get; init; }
    public TitleSort Sort { get; init; } = TitleSort.Relevance;
    public IReadOnlyList<FacetRequest> Facets { get; init; } = [];
    public int First { get; init; } = 20;

    /// <summary>Opaque cursor of the last hit of the previous page (search-after).</summary>
    public string? After { get; init; }

    public bool Highlight { get; init; } = true;

    /// <summary>Only the query as typed: no fallback reading when it finds few titles (see <see cref="QueryRelaxation"/>).</summary>
    public bool Exact { get; init; }

    /// <summary>The ranking knobs of this search: an experiment's variant arm, otherwise the defaults.</summary>
    public RankingVariant Ranking { get; init; } = RankingVariant.Default;
}

/// <summary>Which reading of the query the results answer when the one typed found few titles.</summary>
public enum QueryRelaxation
{
    /// <summary>The query as typed.</summary>
    None,

    /// <summary>The query with typo variants of words it holds exactly too (exact matches still rank first).</summary>
    TypoVariants,

    /// <summary>The spelling-corrected query (<see cref="SearchResult.CorrectedQuery"/>).</summary>
    Corrected,

    /// <summary>The query without its least important words (<see cref="SearchResult.CorrectedQuery"/>).</summary>
    WordsDropped,
}

public sealed record Highlight(string Field, string Snippet);

public sealed record SearchHit(string TitleId, string Cursor, float? Score, IReadOnlyList<Highlight> Highlights);

public sealed record FacetValue(string Value, int Count, bool Selected);

public sealed record FacetResult(FacetField Field, IReadOnlyList<FacetValue> Values)
{
    /// <summary>
    /// False when the counts are estimates: the search matched more titles than the exact-count limit and its values
    /// were counted over an even sample of them, scaled to the whole (the values shown and <c>selected</c> stay exact).
    /// </summary>
    public bool Exact { get; init; } = true;
}

public sealed record SearchResult(
    int TotalCount,
    IReadOnlyList<SearchHit> Hits,
    bool HasNextPage,
    IReadOnlyList<FacetResult> Facets,
    string? DidYouMean,
    IReadOnlyList<string> RelatedTitleIds,
    double TookMs)
{
    /// <summary>The reading of the query the hits answer.</summary>
    public QueryRelaxation Relaxation { get; init; }

    /// <summary>The text the hits answer when it is not the text typed (a correction, or the text without dropped words).</summary>
    public string? CorrectedQuery { get; init; }

    /// <summary>Where <see cref="TookMs"/> went, when the search engine measures it.</summary>
    public SearchTimings? Timings { get; init; }
}

/// <summary>
/// Where a search's time went, in milliseconds: reading the text (words, typo and prefix alternatives), the matching
/// pass (ranking, paging, facet matches), counting the facets, the fallbacks (correction, another reading and its
/// pass), related titles, highlights. As Algolia's <c>processingTimingsMS</c> and Elasticsearch's profile answer it.
/// </summary>
public sealed record SearchTimings(double ReadingMs, double MatchingMs, double FacetCountingMs, double FallbacksMs, double RelatedMs, double HighlightsMs);

public enum SuggestionKind
{
    Title,
    Tag,
    Person,
    Genre,
}

public sealed record Suggestion(string Text, SuggestionKind Kind, string? TitleId);

public enum Rail
{
    RecentlyAdded,
    NewReleases,
    NewArrivals,
    ComingSoon,
    LeavingSoon,
}

public sealed record RailRequest(Rail Rail, DateTimeOffset? AsOf = null, int First = 20, string? After = null);

public sealed record TitlePage(int TotalCount, IReadOnlyList<SearchHit> Hits, bool HasNextPage);

/// <summary>Search over the catalog; implementations keep their engine's types to themselves.</summary>
public interface ITitleSearch
{
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    Task<TitlePage> RailAsync(RailRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int first, CancellationToken cancellationToken = default);

    /// <summary>Tag values with counts over available titles, optionally filtered by prefix.</summary>
    Task<IReadOnlyList<FacetValue>> TagsAsync(string? prefix, int first, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FacetValue>> GenresAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> SimilarAsync(string titleId, int first, CancellationToken cancellationToken = default);
}

public enum ReindexState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

public sealed record ReindexJobStatus(
    string Id,
    ReindexState State,
    double Progress,
    long Processed,
    long Total,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);

/// <summary>Full rebuilds of the index from the store while searches go on against the old one.</summary>
public interface IReindexJobs
{
    ReindexJobStatus Start();

    ReindexJobStatus? Find(string id);
}
