using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Filtering;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Fallbacks;

/// <summary>
/// How many titles each word of a query matches on its own, counted only as far as choosing the least important word
/// needs (<see cref="QueryFallbacks"/>): a word's count stops once it reaches the least count so far (it cannot be the
/// least), and what a count learnt is kept for the next word dropped (its exact count, or that it matches at least so many).
/// </summary>
internal sealed class WordCounts(Func<int, Query> alone, CatalogSearcher searcher, DocValuesFilter filter)
{
    private readonly Dictionary<int, (int Count, bool Exact)> known = [];

    /// <summary>The segments the counts read, over every count so far.</summary>
    public int SegmentsRead { get; private set; }

    /// <summary>The word (index) of <paramref name="words"/> that the fewest titles match on its own, the later word among equals.</summary>
    public int Least(IReadOnlyList<int> words)
    {
        var least = -1;
        var leastCount = int.MaxValue;
        // Later words first: an earlier word replaces the least so far only when it matches fewer titles.
        foreach (var word in words.OrderDescending())
        {
            if (!known.TryGetValue(word, out var count) || (!count.Exact && count.Count < leastCount))
            {
                var limit = leastCount - 1;
                var counted = BestMatches.CountAbove(searcher, alone(word), filter, limit);
                SegmentsRead += counted.SegmentsRead;
                known[word] = count = (counted.Count, counted.Count <= limit);
            }

            if (count.Exact && count.Count < leastCount)
                (least, leastCount) = (word, count.Count);
        }

        return least;
    }
}
