using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Catalog.Api.GraphQL.Common;

/// <summary>Bound from <c>Catalog:RateLimits</c>: per-viewer write budgets and the per-client search budget.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Catalog:RateLimits";

    [Range(0, int.MaxValue)]
    public int ReviewsPerHour { get; set; } = 20;
    [Range(0, int.MaxValue)]
    public int VotesPerMinute { get; set; } = 60;

    /// <summary>Top-level <c>search</c>/<c>suggest</c> fields per client (token subject or address) per minute (see SearchRateLimiter).</summary>
    [Range(1, int.MaxValue)]
    public int SearchesPerMinute { get; set; } = 300;
}

/// <summary>
/// Fixed-window counters per viewer and action, in memory (each replica counts its own requests).
/// A refused attempt does not consume budget. Windows follow real time, not the catalog clock: a fixed
/// <c>Catalog:Clock:Now</c> (demos) must not freeze them.
/// </summary>
public sealed class ViewerRateLimiter(IOptions<RateLimitOptions> options)
{
    private const int PruneThreshold = 10_000;
    private readonly ConcurrentDictionary<(string Action, string Viewer), Window> windows = new();

    public void CheckReview(Caller caller) => Check("reviews", caller.Id, options.Value.ReviewsPerHour, TimeSpan.FromHours(1));

    public void CheckVote(Caller caller) => Check("votes", caller.Id, options.Value.VotesPerMinute, TimeSpan.FromMinutes(1));

    private void Check(string action, string viewer, int limit, TimeSpan length)
    {
        var now = TimeProvider.System.GetUtcNow();
        var start = now.UtcTicks - (now.UtcTicks % length.Ticks);
        if (windows.Count > PruneThreshold)
            Prune(now.UtcTicks);
        var window = windows.GetOrAdd((action, viewer), _ => new Window());
        lock (window)
        {
            if (window.Start != start)
                (window.Start, window.End, window.Count) = (start, start + length.Ticks, 0);
            if (window.Count >= limit)
            {
                var retry = TimeSpan.FromTicks(start + length.Ticks - now.UtcTicks);
                throw CatalogErrors.RateLimited($"Too many {action}: at most {limit} per {Describe(length)}; try again in {Math.Ceiling(retry.TotalSeconds)} s.");
            }

            window.Count++;
        }
    }

    private void Prune(long nowTicks)
    {
        foreach (var (key, window) in windows)
        {
            if (window.End <= nowTicks)
                windows.TryRemove(key, out _);
        }
    }

    private static string Describe(TimeSpan length) => length == TimeSpan.FromHours(1) ? "hour" : "minute";

    private sealed class Window
    {
        public long Start { get; set; } = long.MinValue;
        public long End { get; set; } = long.MinValue;
        public int Count { get; set; }
    }
}
