using System.ComponentModel.DataAnnotations;

namespace Catalog.Api.Http;

/// <summary>Bound from <c>Catalog:GraphQL</c>: transport limits and caching of the <c>/graphql</c> endpoint.</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "Catalog:GraphQL";

    /// <summary>Deepest selection nesting a query may have (fragments expanded).</summary>
    [Range(1, int.MaxValue)]
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Largest complexity score a query may have; <c>first</c>/<c>last</c> multiply their subtree. A full page of
    /// 100 search hits with every Title field and 10 reviews each scores about 34,000; lists nested three deep at
    /// <c>first: 100</c> score millions.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// Most selections (fields, fragment spreads, inline fragments) a document may expand to once fragments are
    /// expanded, checked in linear time before validation (see DocumentBudget). GraphiQL's introspection query
    /// expands to about 200, the README's largest search page to about 60.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxSelections { get; set; } = 2_000;

    /// <summary>
    /// Most pairs of fields sharing a response name in one selection set (fragments expanded, same-named fields'
    /// sub-selections merged): validation compares each pair and may report each as an error.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxFieldOverlaps { get; set; } = 2_000;

    /// <summary>Errors listed in one response; beyond it the rest are summed up in one <c>TOO_MANY_ERRORS</c> error.</summary>
    [Range(1, int.MaxValue)]
    public int MaxErrors { get; set; } = 100;

    /// <summary>Validation and execution time limit (validation ends with 503 <c>TIMEOUT</c>, execution with a TIMEOUT error).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>GraphQL validations and executions running at once on this replica (response-cache hits need none).</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentExecutions { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>Requests waiting for a free execution slot; beyond it requests get 503 with Retry-After at once.</summary>
    [Range(0, int.MaxValue)]
    public int QueueLength { get; set; } = Environment.ProcessorCount * 4;

    /// <summary>Largest POST body accepted; bigger bodies get 413.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary><c>max-age</c> of anonymous, error-free GET responses (shared caches may keep them this long).</summary>
    [Range(0, int.MaxValue)]
    public int CacheMaxAgeSeconds { get; set; } = 30;

    /// <summary>Characters of query text the automatic-persisted-query store keeps (least recently used go first).</summary>
    [Range(1L, long.MaxValue)]
    public long PersistedQueryCacheChars { get; set; } = 8_000_000;

    /// <summary>Characters of query text whose parsed documents are kept, so repeated queries skip parsing.</summary>
    [Range(1L, long.MaxValue)]
    public long DocumentCacheChars { get; set; } = 8_000_000;

    /// <summary>
    /// Titles read from the store that later requests may share while the served index and this replica's writes stay
    /// as they were (see TitleCache); 0 reads every page's titles from the store.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int TitleCacheEntries { get; set; } = 20_000;

    /// <summary>Keep answers to anonymous queries and serve repeats (and their 304s) without executing (see ResponseCache).</summary>
    public bool ResponseCacheEnabled { get; set; } = true;

    /// <summary>
    /// How long a cached answer is served, and the step of the catalog clock it is keyed by: answers that depend
    /// on "now" (availability windows, rails) are at most this late. Index changes invalidate at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ResponseCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Approximate bytes of answers the response cache keeps (least recently used go first).</summary>
    [Range(1L, long.MaxValue)]
    public long ResponseCacheBytes { get; set; } = 64L * 1024 * 1024;
}
