using System.ComponentModel.DataAnnotations;

namespace Catalog.Api.Insights;

/// <summary>Bound from <c>Catalog:Insights</c>: how searches and clicks are recorded and kept.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Catalog:Insights";

    /// <summary>Searches and clicks older than this many days are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often each serving process deletes expired searches.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Events waiting to be written; when full, new ones are dropped (and counted) rather than slowing a search.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most events written per transaction.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Pause after each write, so events arriving meanwhile share the next transaction.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The name recorded with each search; empty means the machine name.</summary>
    [MaxLength(64)]
    public string? Replica { get; set; }
}
