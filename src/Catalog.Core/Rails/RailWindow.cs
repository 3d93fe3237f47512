using Catalog.Core.Search;
using Catalog.Core.Titles;

namespace Catalog.Core.Rails;

/// <summary>The field a rail is sorted on; every rail breaks ties by title id (ordinal, ascending).</summary>
public enum RailOrder
{
    AddedNewest,
    ReleasedNewest,
    ComingSoonest,
    LeavingSoonest,
}

/// <summary>
/// The exact definition of one rail (SPEC 1.4) evaluated at an instant. Every bound is optional; the
/// index-backed rails translate the bounds to range filters and <see cref="Includes"/> is the same rule
/// in plain C#. No rail shows an expired title.
/// </summary>
public sealed record RailWindow
{
    public required Rail Rail { get; init; }

    /// <summary>The instant the rail is evaluated at, UTC.</summary>
    public required DateTime Now { get; init; }

    public required RailOrder Order { get; init; }

    /// <summary>Added at or before <see cref="Now"/> (and not expired).</summary>
    public bool MustBeAvailable { get; init; }

    /// <summary>Added after <see cref="Now"/> or released after today (comingSoon).</summary>
    public bool MustBeUpcoming { get; init; }

    /// <summary>AddedAt strictly after this instant.</summary>
    public DateTime? AddedAfter { get; init; }

    /// <summary>Effective release date within [ReleasedFrom, ReleasedTo], both inclusive.</summary>
    public DateOnly? ReleasedFrom { get; init; }

    public DateOnly? ReleasedTo { get; init; }

    /// <summary>AvailableUntil at or before this instant (and, as for every rail, after now).</summary>
    public DateTime? LeavingBy { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public static RailWindow For(Rail rail, DateTimeOffset now, RailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nowUtc = now.UtcDateTime;
        var today = DateOnly.FromDateTime(nowUtc);
        var recentlyAddedSince = Saturating(nowUtc, -options.RecentlyAddedDays);
        var releasedSince = DateOnly.FromDateTime(Saturating(nowUtc.Date, -options.NewReleaseDays));
        return rail switch
        {
            Rail.RecentlyAdded => new RailWindow
            {
                Rail = rail, Now = nowUtc, Order = RailOrder.AddedNewest,
                MustBeAvailable = true, AddedAfter = recentlyAddedSince,
            },
            Rail.NewReleases => new RailWindow
            {
                Rail = rail, Now = nowUtc, Order = RailOrder.ReleasedNewest,
                MustBeAvailable = true, ReleasedFrom = releasedSince, ReleasedTo = today,
            },
            Rail.NewArrivals => new RailWindow
            {
                Rail = rail, Now = nowUtc, Order = RailOrder.AddedNewest,
                MustBeAvailable = true, AddedAfter = recentlyAddedSince,
                ReleasedFrom = releasedSince, ReleasedTo = today,
            },
            Rail.ComingSoon => new RailWindow
            {
                Rail = rail, Now = nowUtc, Order = RailOrder.ComingSoonest, MustBeUpcoming = true,
            },
            Rail.LeavingSoon => new RailWindow
            {
                Rail = rail, Now = nowUtc, Order = RailOrder.LeavingSoonest,
                MustBeAvailable = true, LeavingBy = Saturating(nowUtc, options.LeavingSoonDays),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(rail), rail, "Unknown rail."),
        };
    }

    /// <summary>
    /// <paramref name="instant"/> moved by whole days, stopping at the ends of the calendar: a window reaching
    /// past year 1 or 9999 holds everything up to that end (an <c>asOf</c> at either end is legal input).
    /// </summary>
    private static DateTime Saturating(DateTime instant, int days)
    {
        var end = DateTime.SpecifyKind(days < 0 ? DateTime.MinValue : DateTime.MaxValue, DateTimeKind.Utc);
        return Math.Abs((double)days) >= Math.Abs((end - instant).TotalDays) ? end : instant.AddDays(days);
    }

    /// <summary>Whether the title belongs on this rail (the plain-C# form of the definition).</summary>
    public bool Includes(Title title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (TitleAvailability.IsExpired(title, Now))
            return false;
        if (MustBeAvailable && title.AddedAt > Now)
            return false;
        var release = title.EffectiveReleaseDate;
        if (MustBeUpcoming && title.AddedAt <= Now && !(release > Today))
            return false;
        if (AddedAfter is { } after && title.AddedAt <= after)
            return false;
        if (ReleasedFrom is { } from && !(release >= from))
            return false;
        if (ReleasedTo is { } to && !(release <= to))
            return false;
        return LeavingBy is not { } by || title.AvailableUntil <= by;
    }
}
