using System.ComponentModel.DataAnnotations;

namespace Catalog.Api.Health.WarmUp;

/// <summary>Bound from <c>Catalog:WarmUp</c>: the searches a process runs after the index opens, before it reports ready.</summary>
public sealed class WarmUpOptions
{
    public const string Section = "Catalog:WarmUp";

    /// <summary>Searches of the first round: the browse view and texts made from its titles (0 turns the warm-up off).</summary>
    [Range(0, 100)]
    public int Searches { get; set; } = 8;

    /// <summary>
    /// At most this many rounds of new searches (each round other words, sorts and a filter) while the JIT still compiles
    /// (<see cref="JitSettling"/>); 1 runs the first round only.
    /// </summary>
    [Range(1, 50)]
    public int MaxRounds { get; set; } = 30;

    /// <summary>After this long the process reports ready whether or not every warm-up search ran.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromSeconds(30);
}
