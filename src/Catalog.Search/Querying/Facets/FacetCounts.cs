using System.Numerics;
using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Facets;

/// <summary>
/// Counts of one sorted-set field's values over the documents given to it, by global ordinal: nothing
/// allocated per document. A segment's documents are counted by segment ordinal (one array read per
/// document for a single-valued field) and the segment's counts are added to the global ones when the
/// next segment starts or the counts are read, so the segment-to-global map is read once per value
/// instead of once per counted document.
/// </summary>
internal sealed class FacetCounts
{
    /// <summary>A counted document costs about as much as this many words of a value's bit set intersected with the set.</summary>
    private const int IntersectionsPerDocument = 8;

    private readonly int[] counts;
    private SegmentOrdinals? segmentOrds;
    private int[]? toGlobal;

    /// <summary>This segment's counts by segment ordinal + 1 (slot 0 counts documents without a value).</summary>
    private int[] segmentCounts = [];

    public FacetCounts(CatalogSearcher searcher, string indexField)
    {
        Field = indexField;
        Ordinals = searcher.FacetOrdinals(indexField);
        counts = new int[Ordinals?.ValueCount ?? 0];
    }

    public string Field { get; }

    /// <summary>The field's global ordinals, or null when no document has the field.</summary>
    public FacetOrdinals? Ordinals { get; }

    public int[] Counts
    {
        get
        {
            AddSegmentCounts();
            return counts;
        }
    }

    public void SetSegment(AtomicReaderContext context)
    {
        AddSegmentCounts();
        segmentOrds = Ordinals is null ? null : SegmentColumns.Ordinals(context.AtomicReader, Field);
        toGlobal = Ordinals?.SegmentToGlobal(context.Ord);
        var slots = (segmentOrds?.ValueCount ?? 0) + 1;
        if (segmentCounts.Length < slots)
            segmentCounts = new int[slots];
    }

    public void Count(int doc)
    {
        if (segmentOrds is not { } column)
            return;
        if (column.Single is { } single)
        {
            segmentCounts[single[doc] + 1]++;
            return;
        }

        var ords = column.Ords;
        var end = column.Starts[doc + 1];
        for (var i = column.Starts[doc]; i < end; i++)
            segmentCounts[ords[i] + 1]++;
    }

    /// <summary>
    /// Counts each of <paramref name="docs"/> (of the current segment, in order): one field's column read in one tight
    /// loop, so the memory reads of many documents are in flight at once (a sample's documents lie far apart).
    /// </summary>
    public void CountEach(ReadOnlySpan<int> docs)
    {
        if (segmentOrds is not { } column)
            return;
        var counts = segmentCounts;
        if (column.Single is { } single)
        {
            foreach (var doc in docs)
                counts[single[doc] + 1]++;
            return;
        }

        var ords = column.Ords;
        var starts = column.Starts;
        foreach (var doc in docs)
        {
            var end = starts[doc + 1];
            for (var i = starts[doc]; i < end; i++)
                counts[ords[i] + 1]++;
        }
    }

    /// <summary>
    /// Counts every document of <paramref name="docs"/> (of the current segment, <paramref name="count"/> of them): one
    /// field's column read in document order, instead of every field's column per document; or, for a field of few
    /// values and many documents, each value's documents intersected with the set, a word at a time.
    /// </summary>
    public void CountAll(FixedBitSet docs, int count)
    {
        if (segmentOrds is not { } column)
            return;
        var words = docs.GetBits();
        var wordCount = FixedBitSet.Bits2words(docs.Length);
        var counts = segmentCounts;
        if (column.ValueDocs is { } valueDocs && (long)count * IntersectionsPerDocument >= (long)valueDocs.Length * wordCount)
        {
            for (var ord = 0; ord < valueDocs.Length; ord++)
                counts[ord + 1] += IntersectionCount(words, valueDocs[ord], wordCount);
            return;
        }
        if (column.Single is { } single)
        {
            foreach (var doc in new SetBits(docs))
                counts[single[doc] + 1]++;
            return;
        }

        var ords = column.Ords;
        var starts = column.Starts;
        foreach (var doc in new SetBits(docs))
        {
            var end = starts[doc + 1];
            for (var i = starts[doc]; i < end; i++)
                counts[ords[i] + 1]++;
        }
    }

    private static int IntersectionCount(long[] first, long[] second, int words)
    {
        var count = 0;
        for (var w = 0; w < words; w++)
            count += BitOperations.PopCount((ulong)(first[w] & second[w]));
        return count;
    }

    /// <summary>Moves the current segment's counts into the global ones and clears them for the next segment.</summary>
    private void AddSegmentCounts()
    {
        if (segmentOrds is not { } column)
            return;
        for (var ord = 0; ord < column.ValueCount; ord++)
        {
            var count = segmentCounts[ord + 1];
            if (count == 0)
                continue;
            counts[toGlobal is null ? ord : toGlobal[ord]] += count;
            segmentCounts[ord + 1] = 0;
        }

        segmentCounts[0] = 0;
        segmentOrds = null;
    }
}
