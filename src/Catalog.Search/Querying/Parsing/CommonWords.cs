using Lucene.Net.Index;

namespace Catalog.Search.Querying.Parsing;

/// <summary>
/// "Min typos" (as Algolia and web search engines do): a query word that exactly matches many titles is
/// taken as spelled right, so its typo neighbours are not searched ("love" must not find "live" or "lose").
/// Words the index lacks or holds rarely keep the full typo tolerance.
/// </summary>
/// <remarks>
/// "Many" is one title in <see cref="CatalogShare"/> (100 at 1M titles, 10 at 100k): a typo only rarely spells
/// a word the catalog itself uses, and almost never one that this many titles use, while a common word's typo
/// neighbours would add dozens of long posting lists to score for every hit. The floor keeps small catalogs
/// from treating a word that two or three titles happen to share as a word nobody misspells.
/// </remarks>
internal static class CommonWords
{
    private const int CatalogShare = 10_000;
    private const int MinTitles = 5;

    /// <summary>Whether a word matched exactly by this many titles (in one field) counts as spelled right.</summary>
    public static bool IsCommon(IndexReader reader, int exactTitles) =>
        exactTitles >= Math.Max(MinTitles, reader.MaxDoc / CatalogShare);
}
