using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Api.Experiments;
using Catalog.Api.Http;
using Catalog.Core.Search;
using Catalog.Store.Insights;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Insights;

/// <summary>
/// Turns searches and clicks into queued events. Nothing about the viewer is recorded: no account, address,
/// session or user agent; a search is known only by a random id handed back to whoever ran it.
/// </summary>
public sealed partial class SearchRecorder(InsightsBacklog queue, InsightsClock clock, IOptions<InsightsOptions> options)
{
    private const int IdBytes = 16;

    private readonly string replica = Truncate(
        string.IsNullOrWhiteSpace(options.Value.Replica) ? Environment.MachineName : options.Value.Replica.Trim(), SearchEvent.MaxReplicaLength);

    /// <summary>
    /// Queues <paramref name="result"/> of <paramref name="request"/>; <paramref name="filters"/> is the filter argument
    /// as sent, <paramref name="arm"/> the experiment arm it searched in (the experiment id and arm are kept, never the
    /// session key). Returns the search's id, also when the queue was full (a click on it is then dropped too).
    /// A <paramref name="rehearsal"/> (<see cref="InsightsRehearsal"/>) is queued to be rolled back, and not counted.
    /// </summary>
    public string RecordSearch(
        SearchRequest request, IReadOnlyDictionary<string, object?>? filters, SearchResult result, ArmAssignment? arm = null, bool rehearsal = false)
    {
        var search = Describe(request, filters, result, arm);
        // A rehearsal counts by nothing: the counters' code runs (their registration too), their values stay the viewers'.
        var counted = rehearsal ? 0 : 1;
        InsightsMetrics.Searches.Inc(counted);
        if (result.TotalCount == 0)
            InsightsMetrics.ZeroResultSearches.Inc(counted);
        queue.TryAdd(new PendingEvent(search, null, rehearsal));
        return search.Id;
    }

    /// <summary>
    /// Describes a made-up filtered search as <see cref="RecordSearch"/> would, and drops it: the start-up warm-up's
    /// rounds record nothing (only its loopback searches rehearse a recording, and a server without a plain HTTP address
    /// has none), so without this the first viewer's search compiled the event's making (text normalisation, its regex,
    /// the filters' canonical JSON, the id) on its own request. Nothing is queued or counted.
    /// </summary>
    public void Rehearse()
    {
        var genres = new[] { "Drama" };
        var request = new SearchRequest { Query = " Warm-up  Search ", Filter = new TitleFilter { Genres = genres }, Sort = TitleSort.Popularity };
        _ = Describe(request, new Dictionary<string, object?> { ["genres"] = genres }, new SearchResult(0, [], false, [], null, [], 0), null);
    }

    private SearchEvent Describe(SearchRequest request, IReadOnlyDictionary<string, object?>? filters, SearchResult result, ArmAssignment? arm)
    {
        var now = clock.UtcNow;
        return new SearchEvent
        {
            Id = NewId(),
            At = now,
            Day = DateOnly.FromDateTime(now),
            Query = Normalise(request.Query),
            Filters = Truncate(FiltersKey(request, filters), SearchEvent.MaxFiltersLength),
            ResultCount = result.TotalCount,
            Corrected = result.CorrectedQuery is not null,
            LatencyMs = result.TookMs,
            Replica = replica,
            ExperimentId = arm?.ExperimentId,
            Arm = arm?.Arm,
        };
    }

    /// <summary>Queues a click; false (nothing queued) when <paramref name="searchId"/> is not an id this service makes.</summary>
    public bool RecordClick(string searchId, string titleId, int position)
    {
        if (!IsSearchId(searchId))
            return false;
        InsightsMetrics.Clicks.Inc();
        queue.TryAdd(new PendingEvent(null, new SearchClick { SearchId = searchId, TitleId = titleId, Position = position, At = clock.UtcNow }));
        return true;
    }

    public static bool IsSearchId(string value) => value.Length == 22 && SearchIdPattern().IsMatch(value);

    /// <summary>Lower-case, trimmed, inner whitespace collapsed: "Star  Wars " and "star wars" are one query.</summary>
    public static string Normalise(string? query) =>
        query is null ? "" : Truncate(Whitespace().Replace(query.Normalize(NormalizationForm.FormKC).Trim(), " ").ToLowerInvariant(), SearchEvent.MaxQueryLength);

    private static string FiltersKey(SearchRequest request, IReadOnlyDictionary<string, object?>? filters) =>
        CanonicalJson.Of(new Dictionary<string, object?>
        {
            ["exact"] = request.Exact,
            ["filter"] = filters,
            ["sort"] = request.Sort.ToString(),
        });

    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex SearchIdPattern();
}
