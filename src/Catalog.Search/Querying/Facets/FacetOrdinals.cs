using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Facets;

/// <summary>
/// Global ordinals of one sorted-set field over a whole reader: segment ords map onto one sorted value
/// space, so counts merge without looking up labels. The map is immutable and built once per reader
/// (<see cref="CatalogSearcher.FacetOrdinals"/> keeps it);
/// doc values themselves are not thread-safe, so labels are looked up through the caller's segments.
/// </summary>
internal sealed class FacetOrdinals
{
    private readonly MultiDocValues.OrdinalMap? map;
    private readonly IList<AtomicReaderContext> leaves;
    private readonly string field;
    private readonly int[]?[] segmentToGlobal;

    private FacetOrdinals(string field, IList<AtomicReaderContext> leaves, MultiDocValues.OrdinalMap? map, long valueCount)
    {
        this.field = field;
        this.leaves = leaves;
        this.map = map;
        segmentToGlobal = new int[]?[leaves.Count];
        ValueCount = valueCount;
    }

    public long ValueCount { get; }

    /// <summary>Segment ordinal → global ordinal for one segment, or null when they are the same (one segment).</summary>
    public int[]? SegmentToGlobal(int segment)
    {
        if (map is null)
            return null;
        if (Volatile.Read(ref segmentToGlobal[segment]) is { } cached)
            return cached;
        var count = leaves[segment].AtomicReader.GetSortedSetDocValues(field)?.ValueCount ?? 0;
        var mapping = new int[count];
        for (var ord = 0; ord < mapping.Length; ord++)
            mapping[ord] = (int)map.GetGlobalOrd(segment, ord);

        // Two threads may both build it; the arrays are equal, so either may win.
        Volatile.Write(ref segmentToGlobal[segment], mapping);
        return mapping;
    }

    public string Label(long globalOrd)
    {
        var segment = map is null ? 0 : map.GetFirstSegmentNumber(globalOrd);
        var segmentOrd = map is null ? globalOrd : map.GetFirstSegmentOrd(globalOrd);
        var bytes = new BytesRef();
        leaves[segment].AtomicReader.GetSortedSetDocValues(field)!.LookupOrd(segmentOrd, bytes);
        return bytes.Utf8ToString();
    }

    /// <summary>The field's ordinals over <paramref name="reader"/>, or null when no document has the field.</summary>
    public static FacetOrdinals? Build(IndexReader reader, string field)
    {
        var values = MultiDocValues.GetSortedSetValues(reader, field);
        if (values is null)
            return null;
        var map = (values as MultiDocValues.MultiSortedSetDocValues)?.Mapping;
        return new FacetOrdinals(field, reader.Leaves, map, values.ValueCount);
    }
}
