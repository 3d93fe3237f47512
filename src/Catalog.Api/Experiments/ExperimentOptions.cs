using System.ComponentModel.DataAnnotations;

namespace Catalog.Api.Experiments;

/// <summary>Bound from <c>Catalog:Experiments</c>.</summary>
public sealed class ExperimentOptions
{
    public const string Section = "Catalog:Experiments";

    /// <summary>How often a serving process reads the running experiment from the store (starts and stops made on other replicas).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
