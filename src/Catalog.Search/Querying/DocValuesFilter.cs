using Catalog.Core.Ranking;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>
/// A filter evaluated per document over numeric doc values: the numeric fields are read the same way
/// whatever type they were indexed with, and documents without a value never match a range.
/// </summary>
internal sealed class DocValuesFilter(string description, Func<AtomicReader, Predicate<int>?> matcher) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var match = matcher(reader);
        return match is null ? null : new PredicateDocIdSet(reader.MaxDoc, acceptDocs, match);
    }

    public override string ToString() => description;

    /// <summary>Documents whose value of <paramref name="field"/> lies in [min, max].</summary>
    public static DocValuesFilter Range(string field, long min, long max) =>
        new($"{field}:[{min} TO {max}]", reader =>
        {
            var values = reader.GetNumericDocValues(field);
            if (values is null || min > max)
                return null;
            var present = reader.GetDocsWithField(field);
            return doc =>
            {
                var value = values.Get(doc);
                return value >= min && value <= max && present.Get(doc);
            };
        });

    /// <summary>Available at <paramref name="nowTicks"/>: added at or before it and not expired.</summary>
    public static DocValuesFilter AvailableAt(long nowTicks) =>
        new($"available@{nowTicks}", reader =>
        {
            var added = reader.GetNumericDocValues(IndexFields.AddedAt);
            var until = reader.GetNumericDocValues(IndexFields.AvailableUntil);
            if (added is null || until is null)
                return null;
            return doc => added.Get(doc) <= nowTicks && until.Get(doc) > nowTicks;
        });

    /// <summary>Weighted rating (catalog mean and prior votes given) at least <paramref name="min"/>.</summary>
    public static DocValuesFilter WeightedRatingAtLeast(double min, double catalogMean, double priorVotes) =>
        new($"wr>={min}", reader =>
        {
            var ratings = RatingValues.For(reader);
            return doc => ratings.Weighted(doc, catalogMean, priorVotes) >= min;
        });
}

/// <summary>The rating doc values of one segment (sum as double bits, vote count).</summary>
internal readonly struct RatingValues(NumericDocValues? sums, NumericDocValues? counts)
{
    public static RatingValues For(AtomicReader reader) =>
        new(reader.GetNumericDocValues(IndexFields.RatingSum), reader.GetNumericDocValues(IndexFields.RatingCount));

    public long Votes(int doc) => counts?.Get(doc) ?? 0;

    public double Sum(int doc) => sums is null ? 0 : BitConverter.Int64BitsToDouble(sums.Get(doc));

    public double Weighted(int doc, double catalogMean, double priorVotes)
    {
        var votes = Votes(doc);
        return WeightedRating.Compute(votes > 0 ? Sum(doc) / votes : 0, Math.Max(votes, 0), catalogMean, priorVotes);
    }
}

internal sealed class PredicateDocIdSet(int maxDoc, IBits? acceptDocs, Predicate<int> match)
    : FieldCacheDocIdSet(maxDoc, acceptDocs)
{
    protected override bool MatchDoc(int doc) => match(doc);
}
