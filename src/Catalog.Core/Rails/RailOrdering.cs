using Catalog.Core.Titles;

namespace Catalog.Core.Rails;

/// <summary>The order of a rail in plain C#: its own field, then the title id (ordinal) as tie-breaker.</summary>
public sealed class RailOrdering(RailOrder order) : IComparer<Title>
{
    public int Compare(Title? x, Title? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byField = order switch
        {
            RailOrder.AddedNewest => y.AddedAt.CompareTo(x.AddedAt),
            RailOrder.ReleasedNewest => Nullable.Compare(y.EffectiveReleaseDate, x.EffectiveReleaseDate),
            RailOrder.ComingSoonest => TitleAvailability.ComingAt(x).CompareTo(TitleAvailability.ComingAt(y)),
            RailOrder.LeavingSoonest => Nullable.Compare(x.AvailableUntil, y.AvailableUntil),
            _ => 0,
        };
        return byField != 0 ? byField : string.CompareOrdinal(x.Id, y.Id);
    }
}
