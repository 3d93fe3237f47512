using Catalog.Core.Titles;

namespace Catalog.Core.Rails;

/// <summary>When a title may be shown: added at or before now and not yet expired.</summary>
public static class TitleAvailability
{
    public static bool IsAvailable(Title title, DateTime nowUtc) =>
        title.AddedAt <= nowUtc && !IsExpired(title, nowUtc);

    public static bool IsExpired(Title title, DateTime nowUtc) =>
        title.AvailableUntil is { } until && until <= nowUtc;

    /// <summary>The instant a title comes to viewers: the later of its addedAt and its release (00:00 UTC).</summary>
    public static DateTime ComingAt(Title title)
    {
        if (title.EffectiveReleaseDate is not { } release)
            return title.AddedAt;
        var releasedAt = release.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return releasedAt > title.AddedAt ? releasedAt : title.AddedAt;
    }
}
