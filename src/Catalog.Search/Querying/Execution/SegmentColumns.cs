using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// Doc values of one segment decoded once into plain arrays: filters, the weighted rating and facets
/// read them for every matching document, and decoding compressed doc values per document is what
/// made those loops slow. Keyed by the segment's core (its documents and doc values, which never change;
/// deletions are not part of a column and are applied by the callers), so a segment that only gains
/// deletions after an edit keeps its columns instead of decoding them again; an array never outlives or
/// misdescribes its segment. (The index never updates doc values in place.)
/// </summary>
internal static class SegmentColumns
{
    /// <summary>Stands for "no value" in a long column (no real field uses it).</summary>
    public const long Missing = IndexFields.NoNumber;

    private const string NumbersKey = "n:" + IndexFields.Numbers;

    private static readonly string[] WarmOrdinals =
        [IndexFields.Genre, IndexFields.Tag, IndexFields.Kind, IndexFields.Decade, IndexFields.RatingBucket, IndexFields.HasTrailer, IndexFields.Person];

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, object?>> Cache = [];

    /// <summary>The field's values by document, <see cref="Missing"/> where a document has none; null when no document has the field.</summary>
    public static long[]? Longs(AtomicReader segment, string field) =>
        IndexFields.NumericSlot(field) is var slot and >= 0 ? Numbers(segment)[slot] : null;

    /// <summary>Every numeric column of the segment, by slot: all of them are decoded from <see cref="IndexFields.Numbers"/> in one pass.</summary>
    private static long[]?[] Numbers(AtomicReader segment) =>
        (long[]?[])Cache.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd(NumbersKey, _ => LoadNumbers(segment))!;

    /// <summary>The field's sorted-set ordinals by document (compressed-row layout); null when no document has the field.</summary>
    public static SegmentOrdinals? Ordinals(AtomicReader segment, string field) =>
        (SegmentOrdinals?)Cache.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd("s:" + field, _ => LoadOrdinals(segment, field));

    /// <summary>The field's sorted values by document as bytes; null when no document has the field.</summary>
    public static SegmentBytes? Bytes(AtomicReader segment, string field) =>
        (SegmentBytes?)Cache.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd("b:" + field, _ => LoadBytes(segment, field));

    /// <summary>The field's encoded length norms by document; null when the field has none in this segment.</summary>
    public static byte[]? Norms(AtomicReader segment, string field) =>
        (byte[]?)Cache.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd("m:" + field, _ => LoadNorms(segment, field));

    /// <summary>The largest decoded length norm of the field in this segment (1 when the field has no norms: scores then use none).</summary>
    public static float MaxNorm(AtomicReader segment, string field) =>
        (float)Cache.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd(
            "x:" + field, _ => Norms(segment, field) is { } norms ? norms.Max(ColumnTermScorer.DecodeNorm) : 1f)!;

    /// <summary>Whether the field's column of this segment is decoded already (tests).</summary>
    public static bool IsDecoded(AtomicReader segment, string field) =>
        Cache.TryGetValue(segment.CoreCacheKey, out var columns)
        && columns.Keys.Any(key => key[2..] == (IndexFields.NumericSlot(field) >= 0 ? IndexFields.Numbers : field));

    /// <summary>
    /// Decodes the columns searches read (sorts, filters, facets, related titles, the id tie-breaker) for every segment of a
    /// reader not seen before, so the first queries on a new reader do not pay for them one by one.
    /// </summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            Numbers(segment);
            foreach (var field in WarmOrdinals)
                Ordinals(segment, field);
            Bytes(segment, IndexFields.Id);
        }
    }

    private static long[]?[] LoadNumbers(AtomicReader segment)
    {
        var columns = new long[]?[IndexFields.NumericColumns.Count];
        if (segment.GetSortedDocValues(IndexFields.Numbers) is not { } values)
            return columns;
        for (var slot = 0; slot < columns.Length; slot++)
            columns[slot] = new long[segment.MaxDoc];
        var held = new bool[columns.Length];
        var bytes = new BytesRef();
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            values.Get(doc, bytes);
            var slots = bytes.Length == columns.Length * sizeof(long) ? bytes.Bytes.AsSpan(bytes.Offset, bytes.Length) : default;
            for (var slot = 0; slot < columns.Length; slot++)
            {
                var value = slots.IsEmpty ? Missing : BinaryPrimitives.ReadInt64LittleEndian(slots[(slot * sizeof(long))..]);
                columns[slot]![doc] = value;
                held[slot] |= value != Missing;
            }
        }

        // A column no document holds is null, as callers expect of a field the segment lacks.
        for (var slot = 0; slot < columns.Length; slot++)
        {
            if (!held[slot])
                columns[slot] = null;
        }

        return columns;
    }

    private static byte[]? LoadNorms(AtomicReader segment, string field)
    {
        if (segment.GetNormValues(field) is not { } norms)
            return null;
        var column = new byte[segment.MaxDoc];
        for (var doc = 0; doc < column.Length; doc++)
            column[doc] = (byte)norms.Get(doc);
        return column;
    }

    private static SegmentOrdinals? LoadOrdinals(AtomicReader segment, string field)
    {
        var values = segment.GetSortedSetDocValues(field);
        if (values is null)
            return null;
        var starts = new int[segment.MaxDoc + 1];
        var ords = new List<int>(segment.MaxDoc);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            starts[doc] = ords.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                ords.Add((int)ord);
        }

        starts[segment.MaxDoc] = ords.Count;
        int[] all = [.. ords];
        var valueCount = (int)values.ValueCount;
        return new SegmentOrdinals(starts, all, valueCount, SingleValued(starts, all), valueCount <= SegmentOrdinals.MaxValueDocs ? ValueDocs(starts, all, valueCount) : null);
    }

    /// <summary>Each ordinal's documents as the words of a bit set.</summary>
    private static long[][] ValueDocs(int[] starts, int[] ords, int valueCount)
    {
        var words = FixedBitSet.Bits2words(starts.Length - 1);
        var docs = Enumerable.Range(0, valueCount).Select(_ => new long[words]).ToArray();
        for (var doc = 0; doc < starts.Length - 1; doc++)
        {
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
                docs[ords[i]][doc >> 6] |= 1L << (doc & 63);
        }

        return docs;
    }

    /// <summary>Each document's only ordinal (-1 for none), or null when some document has several.</summary>
    private static int[]? SingleValued(int[] starts, int[] ords)
    {
        var single = new int[starts.Length - 1];
        for (var doc = 0; doc < single.Length; doc++)
        {
            var count = starts[doc + 1] - starts[doc];
            if (count > 1)
                return null;
            single[doc] = count == 0 ? -1 : ords[starts[doc]];
        }

        return single;
    }

    private static SegmentBytes? LoadBytes(AtomicReader segment, string field)
    {
        var values = segment.GetSortedDocValues(field);
        if (values is null)
            return null;
        var ordByDoc = new int[segment.MaxDoc];
        for (var doc = 0; doc < ordByDoc.Length; doc++)
            ordByDoc[doc] = values.GetOrd(doc);
        var starts = new int[values.ValueCount + 1];
        using var bytes = new MemoryStream();
        var term = new Lucene.Net.Util.BytesRef();
        for (var ord = 0; ord < values.ValueCount; ord++)
        {
            starts[ord] = (int)bytes.Length;
            values.LookupOrd(ord, term);
            bytes.Write(term.Bytes, term.Offset, term.Length);
        }

        starts[values.ValueCount] = (int)bytes.Length;
        return new SegmentBytes(ordByDoc, bytes.ToArray(), starts);
    }
}

/// <summary>Document d has the value <c>Bytes[Starts[o]..Starts[o + 1]]</c> of its ordinal o = <c>OrdByDoc[d]</c>, or none when o is -1.</summary>
internal sealed record SegmentBytes(int[] OrdByDoc, byte[] Bytes, int[] Starts)
{
    /// <summary>The document's value; false when it has none.</summary>
    public bool TryGet(int doc, out ReadOnlySpan<byte> value)
    {
        var ord = OrdByDoc[doc];
        value = ord < 0 ? default : Bytes.AsSpan(Starts[ord], Starts[ord + 1] - Starts[ord]);
        return ord >= 0;
    }
}

/// <summary>
/// Document d has the segment ordinals <c>Ords[Starts[d]..Starts[d + 1]]</c>, of <see cref="ValueCount"/> values; when no
/// document has more than one, <see cref="Single"/> holds each document's ordinal (-1 for none) in one read.
/// </summary>
/// <summary>
/// A sorted-set column: each document's ordinals (<see cref="Starts"/>/<see cref="Ords"/>), the only one where every document has at most one
/// (<see cref="Single"/>, -1 for none), and for a field of few values each value's documents as bit-set words (<see cref="ValueDocs"/>).
/// </summary>
internal sealed record SegmentOrdinals(int[] Starts, int[] Ords, int ValueCount, int[]? Single, long[][]? ValueDocs)
{
    /// <summary>Fields of at most this many values in a segment keep their values' documents as bit sets.</summary>
    public const int MaxValueDocs = 64;
}
