namespace Catalog.Api.Http;

/// <summary>Bound from <c>Catalog:GraphQL</c>: transport limits and caching of the <c>/graphql</c> endpoint.</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "Catalog:GraphQL";

    /// <summary>Deepest selection nesting a query may have (fragments expanded).</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Largest complexity score a query may have; <c>first</c>/<c>last</c> multiply their subtree. A full page of
    /// 100 search hits with every Title field and 10 reviews each scores about 34,000; lists nested three deep at
    /// <c>first: 100</c> score millions.
    /// </summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// Most selections (fields, fragment spreads, inline fragments) a document may expand to once fragments are
    /// expanded, checked in linear time before validation (see DocumentBudget). GraphiQL's introspection query
    /// expands to about 200, the README's largest search page to about 60.
    /// </summary>
    public int MaxSelections { get; set; } = 2_000;

    /// <summary>
    /// Most pairs of fields sharing a response name in one selection set (fragments expanded, same-named fields'
    /// sub-selections merged): validation compares each pair and may report each as an error.
    /// </summary>
    public int MaxFieldOverlaps { get; set; } = 2_000;

    /// <summary>Errors listed in one response; beyond it the rest are summed up in one <c>TOO_MANY_ERRORS</c> error.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>Validation and execution time limit (validation ends with 503 <c>TIMEOUT</c>, execution with a TIMEOUT error).</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>GraphQL validations and executions running at once on this replica (response-cache hits need none).</summary>
    public int MaxConcurrentExecutions { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>Requests waiting for a free execution slot; beyond it requests get 503 with Retry-After at once.</summary>
    public int QueueLength { get; set; } = Environment.ProcessorCount * 4;

    /// <summary>Largest POST body accepted; bigger bodies get 413.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary><c>max-age</c> of anonymous, error-free GET responses (shared caches may keep them this long).</summary>
    public int CacheMaxAgeSeconds { get; set; } = 30;

    /// <summary>Characters of query text the automatic-persisted-query store keeps (least recently used go first).</summary>
    public long PersistedQueryCacheChars { get; set; } = 8_000_000;

    /// <summary>Characters of query text whose parsed documents are kept, so repeated queries skip parsing.</summary>
    public long DocumentCacheChars { get; set; } = 8_000_000;

    /// <summary>Keep answers to anonymous queries and serve repeats (and their 304s) without executing (see ResponseCache).</summary>
    public bool ResponseCacheEnabled { get; set; } = true;

    /// <summary>
    /// How long a cached answer is served, and the step of the catalog clock it is keyed by: answers that depend
    /// on "now" (availability windows, rails) are at most this late. Index changes invalidate at once.
    /// </summary>
    public TimeSpan ResponseCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Approximate bytes of answers the response cache keeps (least recently used go first).</summary>
    public long ResponseCacheBytes { get; set; } = 64L * 1024 * 1024;

    public static bool IsValid(GraphQLHttpOptions o) =>
        o.MaxDepth > 0 && o.MaxComplexity > 0 && o.MaxSelections > 0 && o.MaxFieldOverlaps >= 0 && o.MaxErrors > 0
        && o.MaxConcurrentExecutions > 0 && o.QueueLength >= 0 && o.ExecutionTimeout > TimeSpan.Zero
        && o.ExecutionTimeout <= TimeSpan.FromDays(1) && o.MaxRequestBytes >= 1024 && o.CacheMaxAgeSeconds >= 0
        && o.PersistedQueryCacheChars > 0 && o.DocumentCacheChars > 0
        && o.ResponseCacheTtl > TimeSpan.Zero && o.ResponseCacheTtl <= TimeSpan.FromDays(1) && o.ResponseCacheBytes > 0;
}
