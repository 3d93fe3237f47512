using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying;

/// <summary>
/// Counts sorted-set values of some fields over the collected documents into global-ordinal arrays:
/// one array per field per query, nothing allocated per hit. Accepts documents in any order.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly FieldCounts[] fields;

    public FacetCollector(IndexReader reader, IEnumerable<string> indexFields)
    {
        fields = [.. indexFields.Select(f => new FieldCounts(FacetOrdinals.For(reader, f), f))];
    }

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Counts by global ordinal; the ordinals are null when no document has the field.</summary>
    public (FacetOrdinals? Ordinals, int[] Counts) CountsOf(string indexField)
    {
        var counts = fields.First(f => f.Field == indexField);
        return (counts.Ordinals, counts.Counts);
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var counts in fields)
            counts.SetSegment(context);
    }

    public void Collect(int doc)
    {
        foreach (var counts in fields)
            counts.Collect(doc);
    }

    private sealed class FieldCounts(FacetOrdinals? ordinals, string indexField)
    {
        private SegmentOrdinals? segmentOrds;
        private int[]? toGlobal;

        public string Field => indexField;

        public FacetOrdinals? Ordinals => ordinals;

        public int[] Counts { get; } = new int[ordinals?.ValueCount ?? 0];

        public void SetSegment(AtomicReaderContext context)
        {
            segmentOrds = ordinals is null ? null : SegmentColumns.Ordinals(context.AtomicReader, indexField);
            toGlobal = ordinals?.SegmentToGlobal(context.Ord);
        }

        public void Collect(int doc)
        {
            if (segmentOrds is null)
                return;
            var ords = segmentOrds.Ords;
            var end = segmentOrds.Starts[doc + 1];
            for (var i = segmentOrds.Starts[doc]; i < end; i++)
                Counts[toGlobal is null ? ords[i] : toGlobal[ords[i]]]++;
        }
    }
}
