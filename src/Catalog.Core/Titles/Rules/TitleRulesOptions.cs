using System.ComponentModel.DataAnnotations;

namespace Catalog.Core.Titles.Rules;

/// <summary>Bound from <c>Catalog:Titles</c>.</summary>
public sealed class TitleRulesOptions
{
    public const string Section = "Catalog:Titles";

    /// <summary>
    /// How far after now a release date, an added date or an availability end may lie, for imports and
    /// edits alike: far enough for announced titles, near enough to catch typos and two-digit years.
    /// </summary>
    [Range(0, 100)]
    public int MaxYearsAhead { get; set; } = 10;
}
