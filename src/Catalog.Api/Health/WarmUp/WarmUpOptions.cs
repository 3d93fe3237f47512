using System.ComponentModel.DataAnnotations;

namespace Catalog.Api.Health.WarmUp;

/// <summary>Bound from <c>Catalog:WarmUp</c>: the searches a process runs after the index opens, before it reports ready.</summary>
public sealed class WarmUpOptions
{
    public const string Section = "Catalog:WarmUp";

    /// <summary>Searches run through the GraphQL executer (0 turns the warm-up off).</summary>
    [Range(0, 100)]
    public int Searches { get; set; } = 8;

    /// <summary>After this long the process reports ready whether or not every warm-up search ran.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromSeconds(30);
}
