using Lucene.Net.Index;

namespace Catalog.Search.Querying;

/// <summary>
/// Counts of one sorted-set field's values over the documents given to it, by global ordinal: one array
/// per field per query, nothing allocated per document. Segment ordinals come from the cached columns
/// and map to global ones through the reader's cached ordinal map.
/// </summary>
internal sealed class FacetCounts
{
    private SegmentOrdinals? segmentOrds;
    private int[]? toGlobal;

    public FacetCounts(IndexReader reader, string indexField)
    {
        Field = indexField;
        Ordinals = FacetOrdinals.For(reader, indexField);
        Counts = new int[Ordinals?.ValueCount ?? 0];
    }

    public string Field { get; }

    /// <summary>The field's global ordinals, or null when no document has the field.</summary>
    public FacetOrdinals? Ordinals { get; }

    public int[] Counts { get; }

    public void SetSegment(AtomicReaderContext context)
    {
        segmentOrds = Ordinals is null ? null : SegmentColumns.Ordinals(context.AtomicReader, Field);
        toGlobal = Ordinals?.SegmentToGlobal(context.Ord);
    }

    public void Count(int doc)
    {
        if (segmentOrds is null)
            return;
        var counts = Counts;
        var ords = segmentOrds.Ords;
        var end = segmentOrds.Starts[doc + 1];
        for (var i = segmentOrds.Starts[doc]; i < end; i++)
            counts[toGlobal is null ? ords[i] : toGlobal[ords[i]]]++;
    }
}
