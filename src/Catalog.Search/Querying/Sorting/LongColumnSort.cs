using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Search;
using JInt64 = J2N.Numerics.Int64;

namespace Catalog.Search.Querying.Sorting;

/// <summary>
/// Sorts on a numeric doc-values field read from the segment's cached column, as Lucene's INT64 sort
/// does (documents without a value take <paramref name="missing"/>) but without reading the doc values
/// from disk for every comparison.
/// </summary>
internal sealed class LongColumnSort(long missing) : FieldComparerSource
{
    public static SortField For(string field, bool descending, long missing = 0) =>
        new(field, new LongColumnSort(missing), descending);

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new Comparer(fieldname, numHits, missing);

    private sealed class Comparer(string field, int numHits, long missing) : FieldComparer<JInt64>
    {
        private readonly long[] slots = new long[numHits];
        private long[]? current;
        private long bottom;
        private long top;

        public override int Compare(int slot1, int slot2) => slots[slot1].CompareTo(slots[slot2]);

        public override void SetBottom(int slot) => bottom = slots[slot];

        public override void SetTopValue(JInt64 value) => top = value?.ToInt64() ?? missing;

        public override int CompareBottom(int doc) => bottom.CompareTo(Value(doc));

        public override int CompareTop(int doc) => top.CompareTo(Value(doc));

        public override void Copy(int slot, int doc) => slots[slot] = Value(doc);

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            current = SegmentColumns.Longs(context.AtomicReader, field);
            return this;
        }

        public override JInt64 this[int slot] => JInt64.GetInstance(slots[slot]);

        private long Value(int doc) => current is null || current[doc] == SegmentColumns.Missing ? missing : current[doc];
    }
}
