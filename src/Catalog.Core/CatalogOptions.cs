using System.ComponentModel.DataAnnotations;

namespace Catalog.Core;

/// <summary>Bound from the <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Folder holding the SQLite store and the index; created on first use.</summary>
    [Required]
    public string DataDirectory { get; set; } = "catalog-data";

    public RailOptions Rails { get; set; } = new();
    public RankingOptions Ranking { get; set; } = new();
    public ClockOptions Clock { get; set; } = new();
    public FallbackOptions Fallbacks { get; set; } = new();
}

public sealed class RailOptions
{
    [Range(1, 36_500)]
    public int RecentlyAddedDays { get; set; } = 30;
    [Range(1, 36_500)]
    public int NewReleaseDays { get; set; } = 365;
    [Range(1, 36_500)]
    public int LeavingSoonDays { get; set; } = 30;
}

public sealed class RankingOptions
{
    /// <summary>m of the weighted rating: votes at the catalog mean every title starts with.</summary>
    [Range(0, 1e9)]
    public double PriorVotes { get; set; } = 1000;
}

public sealed class ClockOptions
{
    /// <summary>When set, "now" is fixed at this instant (demos, tests).</summary>
    public DateTimeOffset? Now { get; set; }
}
