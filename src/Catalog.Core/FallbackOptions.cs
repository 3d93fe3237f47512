namespace Catalog.Core;

/// <summary>Bound from <c>Catalog:Fallbacks</c>: when a search counts as finding "very little" (docs/search-fallbacks.md).</summary>
public sealed class FallbackOptions
{
    /// <summary>
    /// A query finding fewer titles than this tries its fallback readings and gets related titles; searches finding
    /// this many or more run exactly as before (no extra work).
    /// </summary>
    public int FewResults { get; set; } = 3;

    /// <summary>
    /// The share of a matched title's own weight (people, tags, genres by rarity) a related title must share with it:
    /// measured on judged searches of the sample catalog (docs/search-fallbacks.md). 0 keeps every title sharing a
    /// distinctive value.
    /// </summary>
    public double RelatedMinShare { get; set; } = 0.45;
}
