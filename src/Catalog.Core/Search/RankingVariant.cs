namespace Catalog.Core.Search;

/// <summary>How many typos a word may have and still match (the typo rule's reach).</summary>
public enum TypoTolerance
{
    /// <summary>One typo from 4 characters, two from 8.</summary>
    Normal,

    /// <summary>One typo from 5 characters, never two.</summary>
    Strict,
}

/// <summary>What orders titles the rules left equal, before the title id.</summary>
public enum PopularityTieBreak
{
    /// <summary>More votes first.</summary>
    Votes,

    /// <summary>Higher weighted rating (the RATING sort's value) first.</summary>
    WeightedRating,
}

/// <summary>
/// The ranking knobs a ranking experiment may change for its variant arm (docs/insights.md, "Experiments"); the
/// defaults are the ranking every other search gets.
/// </summary>
public sealed record RankingVariant
{
    public static RankingVariant Default { get; } = new();

    public TypoTolerance TypoTolerance { get; init; } = TypoTolerance.Normal;

    public PopularityTieBreak PopularityTieBreak { get; init; } = PopularityTieBreak.Votes;

    /// <summary>Whether a search finding few titles may answer a looser reading (<see cref="QueryRelaxation"/>); off is like <see cref="SearchRequest.Exact"/>.</summary>
    public bool Fallbacks { get; init; } = true;
}
