using System.Security.Cryptography;
using System.Text;
using Catalog.Core.Titles;

namespace Catalog.Store.Tests.Sample;

/// <summary>
/// The catalog schedule the vega data does not have (added and leaving dates), synthesised per title
/// from a hash of its id so the sample is reproducible. Documented in data/README.md.
/// </summary>
public static class SampleSchedule
{
    /// <summary>The sample's "now": a week after the last release the data set lists as already out.</summary>
    public static readonly DateTime AsOf = new(2010, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The sample catalog opened on this day; nothing was added before it.</summary>
    public static readonly DateTime CatalogLaunch = new(2005, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Films reach the catalog no sooner than this after their release.</summary>
    public static readonly TimeSpan ReleaseToCatalog = TimeSpan.FromDays(30);

    public const double AnnouncedShare = 0.02;
    public const double RecentlyAddedShare = 0.02;
    public const double LeavingSoonShare = 0.015;
    public const double LaterEndShare = 0.09;
    public const double ExpiredShare = 0.01;

    public static void Apply(Title title)
    {
        var draw = new Draw(title.Id);
        title.AddedAt = AddedAt(title.EffectiveReleaseDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), draw);
        title.AvailableUntil = title.AddedAt <= AsOf ? AvailableUntil(title.AddedAt, draw) : null;
    }

    private static DateTime AddedAt(DateTime released, Draw draw)
    {
        var bucket = draw.Next();
        var earliest = Max(CatalogLaunch, released + ReleaseToCatalog);
        if (released > AsOf || earliest >= AsOf)
            return Hour(earliest + draw.Days(0, 60));
        if (bucket < AnnouncedShare)
            return Hour(AsOf + draw.Days(1, 60));
        if (bucket < AnnouncedShare + RecentlyAddedShare)
            return Hour(Max(earliest, AsOf - draw.Days(1, 29)));
        return Hour(earliest + (AsOf - earliest) * draw.Next());
    }

    private static DateTime? AvailableUntil(DateTime addedAt, Draw draw)
    {
        var bucket = draw.Next();
        var until = bucket switch
        {
            < LeavingSoonShare => AsOf + draw.Days(1, 29),
            < LeavingSoonShare + LaterEndShare => AsOf + draw.Days(31, 720),
            < LeavingSoonShare + LaterEndShare + ExpiredShare => AsOf - draw.Days(1, 120),
            _ => (DateTime?)null,
        };
        return until is { } end && Hour(end) > addedAt ? Hour(end) : null;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Hour(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>Uniform numbers from SHA-256 of the id: the same id always draws the same schedule.</summary>
    private sealed class Draw(string id)
    {
        private readonly byte[] _bytes = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        private int _next;

        public double Next()
        {
            var value = BitConverter.ToUInt32(_bytes, _next) / (double)uint.MaxValue;
            _next = (_next + 4) % 32;
            return value;
        }

        public TimeSpan Days(int min, int max) => TimeSpan.FromHours(24 * (min + ((max - min) * Next())));
    }
}
