using Catalog.Core.Titles;

namespace Catalog.Store.Import.Imdb;

/// <summary>
/// IMDb's titleType values and the catalog kind each becomes. Episodes, pilots and video games are
/// not catalog titles: their records are rejected with a reason naming the type.
/// </summary>
internal static class ImdbTitleTypes
{
    private static readonly Dictionary<string, TitleKind> Kinds = new(StringComparer.Ordinal)
    {
        ["movie"] = TitleKind.Movie,
        ["tvMovie"] = TitleKind.Movie,
        ["video"] = TitleKind.Movie,
        ["tvSeries"] = TitleKind.Series,
        ["tvMiniSeries"] = TitleKind.Series,
        ["short"] = TitleKind.Short,
        ["tvShort"] = TitleKind.Short,
        ["tvSpecial"] = TitleKind.Special,
    };

    public static TitleKind? KindOf(string titleType) =>
        Kinds.TryGetValue(titleType, out var kind) ? kind : null;
}
