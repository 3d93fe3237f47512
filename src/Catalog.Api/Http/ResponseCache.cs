using System.Collections.Concurrent;
using Catalog.Api.Experiments;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Prometheus;

namespace Catalog.Api.Http;

/// <summary>
/// What an anonymous query's answer depends on besides its text: the store generation (the served index's version and
/// the mutations this replica ran), and the catalog clock in steps of the cache's time to live.
/// </summary>
internal sealed record ResponseCacheKey(
    string Query, string? OperationName, string Variables, StoreGeneration Store, long ClockStep);

/// <summary>
/// Shared, bounded cache of serialised answers to anonymous queries (no Authorization header, query
/// operations only, executed without errors), so a repeated search and its ETag revalidation (304) cost no
/// execution. Edits stay visible within the index's edit-to-visible time: the key carries the index version.
/// Reviews and votes also go through the change log, so they move the index version too; answers that depend
/// on the clock (availability, rails) are at most one time-to-live late, and <c>tookMs</c> is the first run's.
/// </summary>
internal sealed class ResponseCache : IDisposable
{
    private static readonly Counter Lookups = Metrics.CreateCounter(
        "catalog_graphql_response_cache_total", "GraphQL requests by response-cache outcome: hit, shared (joined a running execution), miss, bypass.",
        new CounterConfiguration { LabelNames = ["result"] });

    private readonly GraphQLHttpOptions options;
    private readonly TimeProvider clock;
    private readonly MemoryCache entries;
    private readonly ConcurrentDictionary<ResponseCacheKey, Task<SerializedResponse?>> inFlight = new();
    private readonly ReplicaWrites writes;
    private long hits;
    private long stores;

    public ResponseCache(IOptions<GraphQLHttpOptions> options, TimeProvider clock, ReplicaWrites writes)
    {
        this.options = options.Value;
        this.clock = clock;
        this.writes = writes;
        entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = this.options.ResponseCacheBytes });
    }

    /// <summary>Answers served without executing: from the cache or a running execution (tests count with it).</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Answers executed and kept.</summary>
    public long Stores => Interlocked.Read(ref stores);

    /// <summary>
    /// The key of an answer every anonymous caller may share, or null when this request must execute (also a request in an
    /// experiment's variant arm: its searches rank differently from everyone else's).
    /// </summary>
    public ResponseCacheKey? KeyFor(HttpContext http, string query, GraphQLRequest request, GraphQLDocument document)
    {
        if (!options.ResponseCacheEnabled || writes.Generation is not { } generation
            || http.Request.Headers.ContainsKey(HeaderNames.Authorization) || http.User.Identity?.IsAuthenticated == true
            || http.RequestServices.GetService<ExperimentAssignment>()?.Current is { IsVariant: true }
            || document.OperationWithName(request.OperationName) is not { Operation: OperationType.Query })
        {
            Lookups.WithLabels("bypass").Inc();
            return null;
        }

        // The version is read before the execution acquires its searcher, so an answer is never older than the
        // version its key names (store reads are newer still: the store commits before the index applies a change).
        return new ResponseCacheKey(query, request.OperationName, CanonicalJson.Of(request.Variables), generation,
            clock.GetUtcNow().UtcTicks / options.ResponseCacheTtl.Ticks);
    }

    /// <summary>
    /// The cached answer of <paramref name="key"/>, or the one <paramref name="execute"/> gives, run once for all
    /// the requests with that key that arrive while it runs (an expired popular entry is not executed per request).
    /// </summary>
    public async Task<SerializedResponse> GetOrAddAsync(ResponseCacheKey key, Func<Task<SerializedResponse>> execute)
    {
        if (entries.TryGetValue(key, out SerializedResponse? cached) && cached is not null)
            return Hit("hit", cached);

        var mine = new TaskCompletionSource<SerializedResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = inFlight.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            // Null when the first request failed or was cancelled: then run this one's own execution.
            // A per-request answer (it names something made for that request) is not handed to the others either.
            return await running is { PerRequest: false } shared ? Hit("shared", shared) : await execute();
        }

        Lookups.WithLabels("miss").Inc();
        SerializedResponse? response = null;
        try
        {
            response = await execute();
            Store(key, response);
            return response;
        }
        finally
        {
            inFlight.TryRemove(KeyValuePair.Create(key, mine.Task));
            mine.SetResult(response);
        }
    }

    private SerializedResponse Hit(string outcome, SerializedResponse response)
    {
        Interlocked.Increment(ref hits);
        Lookups.WithLabels(outcome).Inc();
        return response;
    }

    private void Store(ResponseCacheKey key, SerializedResponse response)
    {
        if (!response.IsShareable)
            return;
        // The body, room for its compressed copies (each smaller than the body), and the key's text.
        var size = (2L * response.Body.Length) + (2L * (key.Query.Length + key.Variables.Length + (key.OperationName?.Length ?? 0))) + 256;
        entries.Set(key, response, new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = options.ResponseCacheTtl });
        Interlocked.Increment(ref stores);
    }

    public void Dispose() => entries.Dispose();
}
