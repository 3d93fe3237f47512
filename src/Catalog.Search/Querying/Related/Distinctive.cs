using Lucene.Net.Index;

namespace Catalog.Search.Querying.Related;

/// <summary>
/// When a term or value says something specific about a title: at most one title in <see cref="Share"/> holds
/// it, or at most <see cref="Floor"/> titles (so in a small catalog every value is). Related titles must share
/// a distinctive value with their seeds and closest matches a distinctive near word with the query.
/// </summary>
/// <remarks>
/// A value a thousandth of the catalog holds still narrows it down (1,000 of 1M titles); one 1.5 % hold (a
/// head tag, a genre, a prolific actor) does not, and visiting every holder of such values to rank them cost
/// the few-results searches tens of milliseconds at 1M titles. The common values still add to the scores.
/// </remarks>
internal static class Distinctive
{
    public const int Share = 1024;
    public const int Floor = 64;

    /// <summary>The most titles a distinctive term may be held by in this index.</summary>
    public static int MaxTitles(IndexReader reader) => Math.Max(Floor, reader.MaxDoc / Share);
}
