using Catalog.Search.Querying.Filtering;
using Lucene.Net.Index;
using Lucene.Net.Search;
using JDouble = J2N.Numerics.Double;

namespace Catalog.Search.Querying.Sorting;

/// <summary>
/// Sorts on the weighted rating computed at query time from the rating doc values, so a change of the
/// catalog mean or of <c>PriorVotes</c> never needs a reindex.
/// </summary>
internal sealed class WeightedRatingSort(double catalogMean, double priorVotes) : FieldComparerSource
{
    public const string FieldName = "weighted_rating";

    public SortField Descending() => new(FieldName, this, true);

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new Comparer(numHits, catalogMean, priorVotes);

    private sealed class Comparer(int numHits, double catalogMean, double priorVotes) : FieldComparer<JDouble>
    {
        private readonly double[] slots = new double[numHits];
        private RatingValues current;
        private double bottom;
        private double top;

        public override int Compare(int slot1, int slot2) => slots[slot1].CompareTo(slots[slot2]);

        public override void SetBottom(int slot) => bottom = slots[slot];

        public override void SetTopValue(JDouble value) => top = value?.ToDouble() ?? 0;

        public override int CompareBottom(int doc) => bottom.CompareTo(Value(doc));

        public override int CompareTop(int doc) => top.CompareTo(Value(doc));

        public override void Copy(int slot, int doc) => slots[slot] = Value(doc);

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            current = RatingValues.For(context.AtomicReader);
            return this;
        }

        public override JDouble this[int slot] => JDouble.GetInstance(slots[slot]);

        private double Value(int doc) => current.Weighted(doc, catalogMean, priorVotes);
    }
}
