using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Sorting;

/// <summary>
/// Sorts on a sorted doc-values field (the title id tie-breaker) by its bytes, as Lucene's STRING sort
/// does (unsigned byte order, documents without a value first), from the segment's cached values: the
/// tie-breaker takes part in every sort, and Lucene's comparer reads ordinals and looks values up on
/// disk for every competitive hit.
/// </summary>
internal sealed class BytesColumnSort : FieldComparerSource
{
    public static SortField For(string field) => new(field, new BytesColumnSort());

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new Comparer(fieldname, numHits);

    private sealed class Comparer(string field, int numHits) : FieldComparer<BytesRef>
    {
        private readonly BytesRef?[] slots = new BytesRef?[numHits];
        private SegmentBytes? current;
        private BytesRef? bottom;
        private BytesRef? top;

        public override int Compare(int slot1, int slot2) => CompareValues(slots[slot1], slots[slot2]);

        public override int CompareValues(BytesRef? first, BytesRef? second) =>
            first is null ? (second is null ? 0 : -1)
            : second is null ? 1
            : Span(first).SequenceCompareTo(Span(second));

        public override void SetBottom(int slot) => bottom = slots[slot];

        public override void SetTopValue(BytesRef? value) => top = value;

        public override int CompareBottom(int doc) => CompareToDoc(bottom, doc);

        public override int CompareTop(int doc) => CompareToDoc(top, doc);

        public override void Copy(int slot, int doc)
        {
            if (current is null || !current.TryGet(doc, out var value))
            {
                slots[slot] = null;
                return;
            }

            var copy = slots[slot] ??= new BytesRef();
            copy.Grow(value.Length);
            value.CopyTo(copy.Bytes);
            copy.Offset = 0;
            copy.Length = value.Length;
        }

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            current = SegmentColumns.Bytes(context.AtomicReader, field);
            return this;
        }

        // Null for a document without a value, as with Lucene's STRING sort.
        public override BytesRef this[int slot] => slots[slot]!;

        private static ReadOnlySpan<byte> Span(BytesRef bytes) => bytes.Bytes.AsSpan(bytes.Offset, bytes.Length);

        private int CompareToDoc(BytesRef? value, int doc)
        {
            ReadOnlySpan<byte> docValue = default;
            var hasDoc = current is not null && current.TryGet(doc, out docValue);
            if (value is null)
                return hasDoc ? -1 : 0;
            return hasDoc ? Span(value).SequenceCompareTo(docValue) : 1;
        }
    }
}
