using Catalog.Core;
using Catalog.Core.Rails;
using Catalog.Core.Search;
using Catalog.Core.Titles;

namespace Catalog.Core.Tests.Rails;

public sealed class RailWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly RailOptions Options = new();

    private static Title Make(
        string id, DateTime addedAt, DateOnly? released = null, int? year = null, DateTime? until = null) =>
        new()
        {
            Id = id, Name = id, AddedAt = addedAt, ReleaseDate = released,
            ReleaseYear = year ?? released?.Year, AvailableUntil = until,
        };

    private static bool On(Rail rail, Title title) => RailWindow.For(rail, Now, Options).Includes(title);

    private static readonly DateTime Yesterday = Now.UtcDateTime.AddDays(-1);

    [Fact]
    public void Old_film_added_yesterday_is_recently_added_but_not_a_new_arrival()
    {
        var film = Make("t1993", Yesterday, new DateOnly(1993, 6, 11));

        Assert.True(On(Rail.RecentlyAdded, film));
        Assert.False(On(Rail.NewArrivals, film));
        Assert.False(On(Rail.NewReleases, film));
    }

    [Fact]
    public void Recent_release_added_yesterday_is_on_every_new_rail()
    {
        var film = Make("fresh", Yesterday, new DateOnly(2026, 5, 1));

        Assert.True(On(Rail.RecentlyAdded, film));
        Assert.True(On(Rail.NewArrivals, film));
        Assert.True(On(Rail.NewReleases, film));
        Assert.False(On(Rail.ComingSoon, film));
    }

    [Fact]
    public void Recently_added_window_is_open_at_the_start_and_closed_at_now()
    {
        var start = Now.UtcDateTime.AddDays(-Options.RecentlyAddedDays);

        Assert.False(On(Rail.RecentlyAdded, Make("edge", start)));
        Assert.True(On(Rail.RecentlyAdded, Make("inside", start.AddTicks(1))));
        Assert.True(On(Rail.RecentlyAdded, Make("now", Now.UtcDateTime)));
        Assert.False(On(Rail.RecentlyAdded, Make("future", Now.UtcDateTime.AddTicks(1))));
    }

    [Fact]
    public void New_release_window_includes_both_end_dates_and_uses_year_only_releases_as_1_january()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var added = Now.UtcDateTime.AddYears(-5);

        Assert.True(On(Rail.NewReleases, Make("today", added, today)));
        Assert.True(On(Rail.NewReleases, Make("first", added, today.AddDays(-Options.NewReleaseDays))));
        Assert.False(On(Rail.NewReleases, Make("older", added, today.AddDays(-Options.NewReleaseDays - 1))));
        Assert.False(On(Rail.NewReleases, Make("tomorrow", added, today.AddDays(1))));
        Assert.True(On(Rail.NewReleases, Make("year", added, year: 2026)));
        Assert.False(On(Rail.NewReleases, Make("undated", added)));
    }

    [Fact]
    public void Coming_soon_holds_future_availability_or_future_release_but_not_expired_titles()
    {
        var future = Now.UtcDateTime.AddDays(10);

        Assert.True(On(Rail.ComingSoon, Make("announced", future)));
        Assert.True(On(Rail.ComingSoon, Make("unreleased", Yesterday, new DateOnly(2026, 12, 1))));
        Assert.False(On(Rail.ComingSoon, Make("out", Yesterday, new DateOnly(2020, 1, 1))));
        Assert.False(On(Rail.ComingSoon, Make("gone", future, until: Now.UtcDateTime)));
        Assert.False(On(Rail.RecentlyAdded, Make("announced", future)));
    }

    [Fact]
    public void Leaving_soon_is_available_titles_expiring_within_the_window()
    {
        var added = Now.UtcDateTime.AddYears(-1);
        var by = Now.UtcDateTime.AddDays(Options.LeavingSoonDays);

        Assert.True(On(Rail.LeavingSoon, Make("last-day", added, until: by)));
        Assert.False(On(Rail.LeavingSoon, Make("later", added, until: by.AddTicks(1))));
        Assert.False(On(Rail.LeavingSoon, Make("expired", added, until: Now.UtcDateTime)));
        Assert.False(On(Rail.LeavingSoon, Make("open", added)));
        Assert.False(On(Rail.LeavingSoon, Make("not-yet", Now.UtcDateTime.AddDays(1), until: by)));
    }

    [Fact]
    public void Expired_titles_leave_every_rail()
    {
        var expired = Make("expired", Yesterday, new DateOnly(2026, 5, 1), until: Now.UtcDateTime.AddMinutes(-1));

        foreach (var rail in Enum.GetValues<Rail>())
            Assert.False(On(rail, expired));
    }

    [Fact]
    public void Coming_at_is_the_later_of_added_and_release()
    {
        var added = new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc);

        Assert.Equal(added, TitleAvailability.ComingAt(Make("a", added, new DateOnly(2026, 6, 1))));
        Assert.Equal(
            new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc),
            TitleAvailability.ComingAt(Make("b", added, new DateOnly(2026, 8, 1))));
        Assert.Equal(added, TitleAvailability.ComingAt(Make("c", added)));
    }

    [Fact]
    public void Orderings_sort_on_the_rail_field_then_id()
    {
        var early = Make("b", Yesterday.AddDays(-1), new DateOnly(2026, 1, 1), until: Now.UtcDateTime.AddDays(2));
        var late = Make("c", Yesterday, new DateOnly(2025, 1, 1), until: Now.UtcDateTime.AddDays(1));
        var lateTwin = Make("a", Yesterday, new DateOnly(2025, 1, 1), until: Now.UtcDateTime.AddDays(1));

        Assert.Equal(["a", "c", "b"], Sorted(RailOrder.AddedNewest, early, late, lateTwin));
        Assert.Equal(["b", "a", "c"], Sorted(RailOrder.ReleasedNewest, early, late, lateTwin));
        Assert.Equal(["b", "a", "c"], Sorted(RailOrder.ComingSoonest, early, late, lateTwin));
        Assert.Equal(["a", "c", "b"], Sorted(RailOrder.LeavingSoonest, early, late, lateTwin));
    }

    private static string[] Sorted(RailOrder order, params Title[] titles) =>
        [.. titles.Order(new RailOrdering(order)).Select(t => t.Id)];

    [Theory]
    [InlineData(Rail.RecentlyAdded)]
    [InlineData(Rail.NewReleases)]
    [InlineData(Rail.NewArrivals)]
    [InlineData(Rail.ComingSoon)]
    [InlineData(Rail.LeavingSoon)]
    public void Windows_stop_at_the_ends_of_the_calendar_instead_of_throwing(Rail rail)
    {
        var first = RailWindow.For(rail, DateTimeOffset.MinValue, Options);
        var last = RailWindow.For(rail, new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), Options);

        Assert.True(first.AddedAfter is null || first.AddedAfter == DateTime.MinValue);
        Assert.True(first.ReleasedFrom is null || first.ReleasedFrom == DateOnly.MinValue);
        Assert.True(last.LeavingBy is null || last.LeavingBy == DateTime.MaxValue);
        // In year 1 a title added in 2026 is only announced: on comingSoon, on no other rail.
        Assert.Equal(rail == Rail.ComingSoon, first.Includes(Make("late", Yesterday)));
    }
}
