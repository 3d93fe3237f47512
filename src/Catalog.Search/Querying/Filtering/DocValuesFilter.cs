using Catalog.Core.Ranking;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Filtering;

/// <summary>
/// A filter evaluated per document (over per-segment columns such as numeric doc values, ordinals or
/// document lists), so it offers random access and can be tested hit by hit: the numeric fields are read
/// the same way whatever type they were indexed with, and documents without a value never match a range.
/// </summary>
internal sealed class DocValuesFilter(
    string description, Func<AtomicReader, Predicate<int>?> matcher, Func<AtomicReader, Action<FixedBitSet>?>? retainer = null) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var match = matcher(reader);
        return match is null ? null : new PredicateDocIdSet(reader.MaxDoc, acceptDocs, match);
    }

    /// <summary>The segment's test of a document (deleted documents not excluded), or null when no document of the segment matches.</summary>
    public Predicate<int>? Matcher(AtomicReader reader) => matcher(reader);

    /// <summary>
    /// The segment's removal of the documents the filter rejects from a set, or null when no document of the segment
    /// matches: availability over its columns, several filters one after the other over the whole set, any other
    /// through <see cref="Matcher"/> one document at a time.
    /// </summary>
    public Action<FixedBitSet>? Retainer(AtomicReader reader)
    {
        if (retainer is not null)
            return retainer(reader);
        return Matcher(reader) is { } match ? docs => Retain(docs, new PredicateTest(match)) : null;
    }

    /// <summary>Clears the documents of <paramref name="docs"/> that <paramref name="test"/> rejects.</summary>
    private static void Retain<TTest>(FixedBitSet docs, TTest test)
        where TTest : struct, IDocTest
    {
        foreach (var doc in new SetBits(docs))
        {
            if (!test.Keeps(doc))
                docs.Clear(doc);
        }
    }

    public override string ToString() => description;

    /// <summary>Documents every filter accepts.</summary>
    public static DocValuesFilter AllOf(IReadOnlyList<DocValuesFilter> filters) =>
        filters.Count == 1 ? filters[0] : new(
            $"all({string.Join(", ", filters)})",
            reader => EachOf(filters, filter => filter.Matcher(reader)) is { } matches
                ? doc =>
                {
                    foreach (var match in matches)
                    {
                        if (!match(doc))
                            return false;
                    }

                    return true;
                }
                : null,
            reader => EachOf(filters, filter => filter.Retainer(reader)) is { } retainers
                ? docs =>
                {
                    foreach (var retain in retainers)
                        retain(docs);
                }
                : null);

    /// <summary>Each filter's part for a segment, or null when one of them rejects the whole segment.</summary>
    private static T[]? EachOf<T>(IReadOnlyList<DocValuesFilter> filters, Func<DocValuesFilter, T?> part)
        where T : class
    {
        var parts = new T[filters.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (part(filters[i]) is not { } one)
                return null;
            parts[i] = one;
        }

        return parts;
    }

    /// <summary>Documents whose value of <paramref name="field"/> lies in [min, max].</summary>
    public static DocValuesFilter Range(string field, long min, long max) =>
        new($"{field}:[{min} TO {max}]", reader =>
        {
            var values = SegmentColumns.Longs(reader, field);
            if (values is null || min > max)
                return null;
            return doc =>
            {
                var value = values[doc];
                return value >= min && value <= max && value != SegmentColumns.Missing;
            };
        });

    /// <summary>Available at <paramref name="nowTicks"/>: added at or before it and not expired.</summary>
    public static DocValuesFilter AvailableAt(long nowTicks) =>
        new(
            $"available@{nowTicks}",
            reader => AvailableTest.Of(reader, nowTicks) is { } test ? test.Keeps : null,
            reader => AvailableTest.Of(reader, nowTicks) is { } test ? docs => Retain(docs, test) : null);

    /// <summary>Weighted rating (catalog mean and prior votes given) at least <paramref name="min"/>.</summary>
    public static DocValuesFilter WeightedRatingAtLeast(double min, double catalogMean, double priorVotes) =>
        new($"wr>={min}", reader =>
        {
            var ratings = RatingValues.For(reader);
            return doc => ratings.Weighted(doc, catalogMean, priorVotes) >= min;
        });
}

/// <summary>The rating doc values of one segment (sum as double bits, vote count).</summary>
internal readonly struct RatingValues(long[]? sums, long[]? counts)
{
    public static RatingValues For(AtomicReader reader) =>
        new(SegmentColumns.Longs(reader, IndexFields.RatingSum), SegmentColumns.Longs(reader, IndexFields.RatingCount));

    public long Votes(int doc) => counts is null || counts[doc] == SegmentColumns.Missing ? 0 : counts[doc];

    public double Sum(int doc) => sums is null || sums[doc] == SegmentColumns.Missing ? 0 : BitConverter.Int64BitsToDouble(sums[doc]);

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

/// <summary>A per-document test as a struct, so a loop over many documents is specialized for it.</summary>
internal interface IDocTest
{
    bool Keeps(int doc);
}

internal readonly struct PredicateTest(Predicate<int> keeps) : IDocTest
{
    public bool Keeps(int doc) => keeps(doc);
}

/// <summary>Added at or before now and not expired, on one segment's columns.</summary>
internal readonly struct AvailableTest(long[] added, long[] until, long nowTicks) : IDocTest
{
    public static AvailableTest? Of(AtomicReader reader, long nowTicks) =>
        SegmentColumns.Longs(reader, IndexFields.AddedAt) is { } added && SegmentColumns.Longs(reader, IndexFields.AvailableUntil) is { } until
            ? new AvailableTest(added, until, nowTicks)
            : null;

    public bool Keeps(int doc) => added[doc] <= nowTicks && until[doc] > nowTicks;
}
