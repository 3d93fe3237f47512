using System.Numerics;
using System.Runtime.InteropServices;
using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Facets;

/// <summary>A segment's matches, all of them hits, kept by a pass to count their facets once every segment has been read.</summary>
internal sealed record MatchSet(AtomicReaderContext Segment, FixedBitSet Docs, int Count);

/// <summary>
/// Facet counts of a pass's match sets, exact up to a limit and estimated above it (Elasticsearch's
/// <c>track_total_hits</c> and Meilisearch's estimated totals do the same for a search matching a large part of
/// the catalog): past the limit, an even sample of <c>limit</c> matches is counted (every k-th match in index order,
/// k = matches / limit, not a fraction) and the counts are scaled by matches / limit. A value's estimate is off by a
/// few sampling errors of its share (about <c>sqrt(share / limit)</c> of the total); values too rare to be sampled are
/// left out, which a top-N list of a large match set rarely shows.
/// </summary>
internal static class MatchSample
{
    /// <summary>
    /// Counts <paramref name="sets"/> (in index order) into <paramref name="counts"/>; returns the factor the counts must
    /// be multiplied by: 1 when every match was counted (at most <paramref name="limit"/> of them).
    /// </summary>
    public static double Count(IReadOnlyList<MatchSet> sets, FacetCounts[] counts, int limit)
    {
        var matches = sets.Sum(set => (long)set.Count);
        var sampled = new List<int>();
        var sample = new EvenSample(matches, limit);
        foreach (var set in sets)
        {
            foreach (var field in counts)
                field.SetSegment(set.Segment);
            if (matches <= limit)
            {
                foreach (var field in counts)
                    field.CountAll(set.Docs, set.Count);
                continue;
            }

            sampled.Clear();
            sample.Take(set.Docs, sampled);
            foreach (var field in counts)
                field.CountEach(CollectionsMarshal.AsSpan(sampled));
        }

        return matches <= limit ? 1 : (double)matches / limit;
    }

    /// <summary>Multiplies every count by <paramref name="scale"/>, to the nearest whole number (a sampled value counts at least 1).</summary>
    public static void Scale(int[] counts, double scale)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
                counts[i] = (int)Math.Max(1, Math.Min(int.MaxValue, Math.Round(counts[i] * scale)));
        }
    }
}

/// <summary>
/// Every k-th of <c>matches</c> positions, k = matches / limit (not a whole number): position p is taken when
/// floor((p + 1) × limit / matches) passes floor(p × limit / matches), i.e. the j-th taken is ceil(j × matches / limit) − 1,
/// exactly <c>limit</c> of them (for more matches than the limit). Walked a word of 64 documents at a time: a word holding no taken position is skipped by
/// its bit count (two 64-bit divisions per match were most of the facet counting of a search matching 400,000 titles).
/// </summary>
internal struct EvenSample(long matches, int limit)
{
    private long position;
    private long taken;
    private long next = Next(0, matches, limit);

    /// <summary>Adds the documents of <paramref name="docs"/> (the next of the match sets, in index order) at taken positions.</summary>
    public void Take(FixedBitSet docs, List<int> into)
    {
        var words = docs.GetBits();
        var wordCount = FixedBitSet.Bits2words(docs.Length);
        for (var w = 0; w < wordCount; w++)
        {
            var word = (ulong)words[w];
            var bits = BitOperations.PopCount(word);
            if (position + bits <= next)
            {
                position += bits;
                continue;
            }

            for (; word != 0; word &= word - 1, position++)
            {
                if (position != next)
                    continue;
                into.Add((w << 6) + BitOperations.TrailingZeroCount(word));
                next = Next(++taken, matches, limit);
            }
        }
    }

    /// <summary>The position of the sample after <paramref name="taken"/> were taken (past every position once all were).</summary>
    private static long Next(long taken, long matches, int limit) =>
        taken >= limit ? long.MaxValue : ((((taken + 1) * matches) + limit - 1) / limit) - 1;
}
