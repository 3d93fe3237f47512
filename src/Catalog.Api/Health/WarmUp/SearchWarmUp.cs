using System.Diagnostics;
using System.Text.Json;
using Catalog.Api.Insights;
using Catalog.Store.Insights;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Catalog.Api.Health.WarmUp;

/// <summary>
/// The first searches after a start pay for JIT compilation, GraphQL's first execution (validation rules, complexity
/// analysis, resolvers, serializer), EF Core's first query and the index's cold pages: ~200 ms against ~1.5 ms a moment
/// later. Once the index is open this sends representative searches through the app's own request pipeline to
/// <c>/graphql</c> (middleware, request reading, document cache, response cache, executer, resolvers, the store's title
/// lookup, writer), and <c>/health/ready</c> waits for it. When the warm-up ran beside the pipeline instead of through it,
/// the first viewer request still compiled some 400 methods of the HTTP path (50-190 ms at 1M titles). One round was not
/// enough either: the search's hot loops stay unoptimised until they have run dozens of times (<see cref="JitSettling"/>),
/// so rounds of new words, a director's name, sorts and a genre filter follow until a round compiles hardly anything.
/// Then the first round's texts go once more through the server itself, over a loopback socket (<see cref="LoopbackClient"/>),
/// for Kestrel's own request path. The rounds ask for <c>analytics: false</c>; the loopback searches record their events
/// as rehearsals (<see cref="InsightsRehearsal"/>: written and rolled back), so the first viewer's search does not pay for
/// the first recorded event either. Warm-up leaves no insights; the request log and HTTP metrics count its searches
/// like any request.
/// Bounded by <see cref="WarmUpOptions.MaxRounds"/> and <see cref="WarmUpOptions.MaxDuration"/>; a failure is logged and
/// never keeps the process unready.
/// </summary>
public sealed partial class SearchWarmUp(
    RequestPipeline requestPipeline, LoopbackClient loopback, InsightsWriter insights, SearchRecorder recorder,
    IOptions<WarmUpOptions> options, ILogger<SearchWarmUp> logger, Func<long>? compiledMethods = null)
{
    /// <summary>The browse page's search selection (cards, highlights, facets, related titles, corrections).</summary>
    internal const string Document = """
        query WarmUp($q: String, $sort: TitleSort!, $filter: TitleFilter, $first: Int!) {
          search(query: $q, sort: $sort, filter: $filter, first: $first, analytics: false, facets: [GENRE, KIND, TAG, DECADE, RATING_BUCKET, HAS_TRAILER]) {
            totalCount didYouMean correctedQuery queryRelaxation searchId
            edges { cursor score node { id name year kind genres hasTrailer synopsis directors rating { average count weighted } } highlights { field snippet } }
            facets { field values { value count selected } }
            related { id name year kind genres hasTrailer rating { average count weighted } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    /// <summary>The browse view's page: its names give the rounds their words.</summary>
    private const int BrowsePage = 100;

    /// <summary>The page size of the searches over the loopback socket: no round's (20 + round), so none is a response-cache hit.</summary>
    private const int LoopbackPage = 19;

    /// <summary>
    /// <see cref="Document"/> with its page size written into the text, as many clients write it (an int literal has its
    /// own parsing, validation and coercion code: some 25 methods the first such request compiled), and recorded for
    /// insights, as a viewer's search is (the loopback client's requests are rehearsals, so nothing is kept).
    /// </summary>
    private static readonly string LoopbackDocument = Document
        .Replace(", $first: Int!", "", StringComparison.Ordinal)
        .Replace("first: $first", $"first: {LoopbackPage}", StringComparison.Ordinal)
        .Replace("analytics: false, ", "", StringComparison.Ordinal);

    /// <summary>A round's searches take these orders in turn (each has its own sort code).</summary>
    private static readonly string[] Sorts = ["RELEVANCE", "POPULARITY", "RELEVANCE", "RELEASED_NEWEST"];

    private static readonly Gauge Seconds = Metrics.CreateGauge(
        "catalog_warmup_seconds", "Seconds the start-up search warm-up took before /health/ready could report ready (0 until it finished).");

    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int searches;
    private int loopbackSearches;

    /// <summary>Completes when the warm-up has finished, stopped at its time bound or failed.</summary>
    public Task Completed => completed.Task;

    /// <summary>Warm-up searches executed so far (through the pipeline and over the loopback socket).</summary>
    public int Searches => Volatile.Read(ref searches);

    /// <summary>Those of <see cref="Searches"/> sent over the loopback socket.</summary>
    public int LoopbackSearches => Volatile.Read(ref loopbackSearches);

    public TimeSpan Elapsed { get; private set; }

    /// <summary>The rehearsed insights write (<see cref="InsightsWriter.RehearseAsync"/>), which ready does not wait for.</summary>
    public Task Rehearsal { get; private set; } = Task.CompletedTask;

    /// <summary>Rounds of searches run after the browse view.</summary>
    public int Rounds { get; private set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        var timings = new List<double>();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(options.Value.MaxDuration);
        // Beside the searches, on a thread of its own (SQLite's async calls run synchronously), and not waited for: a store
        // busy with a long write (an import holds its write lock for the whole import) must not hold up ready.
        if (options.Value.Searches > 0)
            Rehearsal = Task.Run(() => RehearseInsightsWriteAsync(stoppingToken), stoppingToken);
        try
        {
            await RunSearchesAsync(options.Value, timings, bounded.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LogBounded(Searches, options.Value.MaxDuration.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, Searches);
        }
        finally
        {
            Elapsed = clock.Elapsed;
            Seconds.Set(Elapsed.TotalSeconds);
            completed.TrySetResult();
        }

        if (timings.Count > 0)
            LogDone(timings.Count, Rounds, LoopbackSearches, Elapsed.TotalMilliseconds, timings[0], timings[^1]);
    }

    private async Task RunSearchesAsync(WarmUpOptions settings, List<double> timings, CancellationToken cancellationToken)
    {
        if (settings.Searches == 0)
            return;
        var jit = new JitSettling(compiledMethods);
        // The browse page's first view (best rated, no text), then rounds of words and directors from its titles: plain, two
        // words, a typo, a prefix, a person, a stop word, in turn under each sort, every other one filtered by the top genre.
        // The page size varies by round, so no round's search is an earlier one's answer from the response cache.
        var browse = await SearchAsync(Body(Document, null, "RATING", null, BrowsePage), null, timings, cancellationToken);
        for (var round = 0; round < settings.MaxRounds; round++)
        {
            var texts = WarmUpTexts.From(browse.Names, browse.Directors, settings.Searches - 1, round);
            if (texts.Count == 0)
                break;
            for (var i = 0; i < texts.Count; i++)
                await SearchAsync(Body(Document, texts[i], i, browse.Genre, 20 + round), texts[i], timings, cancellationToken);
            Rounds = round + 1;
            if (JitSettling.Settled(jit.EndRound()) && round > 0)
                break;
        }

        await SearchOverLoopbackAsync(WarmUpTexts.From(browse.Names, browse.Directors, settings.Searches - 1), browse.Genre, cancellationToken);
    }

    /// <summary>
    /// The first round's texts again, through the server's socket on one connection. A server without a plain HTTP
    /// address skips this; a failure here is logged and leaves the process to report ready, as the other searches do.
    /// </summary>
    private async Task SearchOverLoopbackAsync(List<string> texts, string? genre, CancellationToken cancellationToken)
    {
        try
        {
            using var client = await loopback.ConnectAsync(cancellationToken);
            if (client is null)
                return;
            for (var i = 0; i < texts.Count; i++)
            {
                // Headers as .NET's and the GraphQL-over-HTTP spec's clients send them: a charset, both answer types.
                using var content = new ByteArrayContent(Body(LoopbackDocument, texts[i], i, genre, first: null));
                content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
                request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
                using var response = await client.SendAsync(request, cancellationToken);
                var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                Answered((int)response.StatusCode, answer, texts[i]);
                Interlocked.Increment(ref loopbackSearches);
                Interlocked.Increment(ref searches);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLoopbackFailed(e, LoopbackSearches);
        }
    }

    /// <summary>A round's <paramref name="index"/>th search takes the sorts in turn and every other one the top genre.</summary>
    private static byte[] Body(string document, string? text, int index, string? genre, int? first) =>
        Body(document, text, Sorts[index % Sorts.Length], index % 2 == 1 ? genre : null, first);

    private static byte[] Body(string document, string? text, string sort, string? genre, int? first)
    {
        var filter = genre is null ? null : new { genres = new[] { genre } };
        var variables = first is null ? (object)new { q = text, sort, filter } : new { q = text, sort, filter, first };
        return JsonSerializer.SerializeToUtf8Bytes(new { query = document, variables });
    }

    /// <summary>
    /// The first searches' insights are written in the background beside the next viewers' searches; compiled now, that
    /// write costs them nothing (a rolled-back batch, so warm-up leaves no insights either). A store that refuses it is
    /// logged: insights are statistics.
    /// </summary>
    private async Task RehearseInsightsWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            recorder.Rehearse();
            await insights.RehearseAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRehearsalFailed(e);
        }
    }

    /// <summary>
    /// Sends one search through the app's request pipeline to <c>/graphql</c>, as a viewer's POST arrives from the server
    /// (routing, middleware, request reading, response cache, executer, writer); returns the names and directors of the
    /// titles found and the top genre among them.
    /// </summary>
    private async Task<Found> SearchAsync(byte[] body, string? text, List<double> timings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (status, answer) = await requestPipeline.PostGraphQLAsync(body, cancellationToken);
        var found = Answered(status, answer, text);
        Interlocked.Increment(ref searches);
        timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return found;
    }

    /// <summary>Throws unless the search answered 200 without errors.</summary>
    private static Found Answered(int status, byte[] body, string? text)
    {
        if (status != StatusCodes.Status200OK)
            throw new InvalidOperationException($"The warm-up search for '{text}' got HTTP {status}.");
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.TryGetProperty("errors", out var errors))
            throw new InvalidOperationException($"The warm-up search for '{text}' answered an error: {errors[0].GetProperty("message").GetString()}");
        var search = json.RootElement.GetProperty("data").GetProperty("search");
        var genre = search.GetProperty("facets").EnumerateArray()
            .Where(facet => facet.GetProperty("field").GetString() == "GENRE")
            .SelectMany(facet => facet.GetProperty("values").EnumerateArray())
            .Select(value => value.GetProperty("value").GetString())
            .FirstOrDefault();
        var nodes = search.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node")).ToList();
        return new(
            [.. nodes.Select(node => node.GetProperty("name").GetString() ?? "")],
            [.. nodes.SelectMany(node => node.GetProperty("directors").EnumerateArray()).Select(director => director.GetString() ?? "")],
            genre);
    }

    private sealed record Found(List<string> Names, List<string> Directors, string? Genre);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up: {Searches} searches in {Rounds} rounds (the first {FirstMs:0.0} ms, the last {LastMs:0.0} ms), then {Loopback} over the loopback socket, {Milliseconds:0} ms in all; reporting ready")]
    private partial void LogDone(int searches, int rounds, int loopback, double milliseconds, double firstMs, double lastMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up stopped after {Searches} searches at its bound of {Seconds} s (Catalog:WarmUp:MaxDuration); reporting ready")]
    private partial void LogBounded(int searches, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up: rehearsing the insights write failed; the first insights batch will compile it")]
    private partial void LogRehearsalFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up: the searches over the loopback socket failed after {Searches}; the first viewer's request will compile the server's request path")]
    private partial void LogLoopbackFailed(Exception exception, int searches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up failed after {Searches} searches; reporting ready without it")]
    private partial void LogFailed(Exception exception, int searches);
}
