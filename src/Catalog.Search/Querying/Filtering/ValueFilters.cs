using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Filtering;

/// <summary>
/// Filters on the exact values of a filter field (indexed as terms and as sorted-set doc values of the
/// same values), evaluated per document so they combine into one random-access filter and can be tested
/// hit by hit. Per segment, a value held by few documents is read from its postings into a sorted
/// document list; a common value is tested on the segment's cached ordinals (loading per-document
/// ordinals of a field with many rare values, such as people, would cost more than it saves).
/// </summary>
internal static class ValueFilters
{
    /// <summary>A value held by at most this share of a segment's documents is read from its postings.</summary>
    private const int RareShare = 64;

    public static DocValuesFilter AnyOf(string field, IReadOnlyList<string> values) =>
        new($"{field}:any({string.Join(", ", values)})", reader => Any(reader, field, values));

    public static DocValuesFilter NoneOf(string field, IReadOnlyList<string> values) =>
        new($"{field}:none({string.Join(", ", values)})", reader =>
            Any(reader, field, values) is { } any ? doc => !any(doc) : static _ => true);

    public static DocValuesFilter AllOf(string field, IReadOnlyList<string> values) =>
        new($"{field}:all({string.Join(", ", values)})", reader =>
        {
            var each = new List<Predicate<int>>(values.Count);
            foreach (var value in values)
            {
                if (Any(reader, field, [value]) is not { } match)
                    return null;
                each.Add(match);
            }

            // A loop, not TrueForAll with a lambda: that lambda captures the document, one allocation per test.
            var all = each.ToArray();
            return doc =>
            {
                foreach (var match in all)
                {
                    if (!match(doc))
                        return false;
                }

                return true;
            };
        });

    /// <summary>Documents holding any of the values, or null when the segment has none of them.</summary>
    private static Predicate<int>? Any(AtomicReader reader, string field, IReadOnlyList<string> values)
    {
        if (reader.GetTerms(field)?.GetEnumerator() is not { } terms)
            return null;
        var rareDocs = new List<int>();
        var commonOrds = new List<int>();
        SortedSetDocValues? ordinals = null;
        DocsEnum? postings = null;
        foreach (var value in values)
        {
            var bytes = new BytesRef(value);
            if (!terms.SeekExact(bytes))
                continue;
            if (terms.DocFreq <= reader.MaxDoc / RareShare)
            {
                postings = terms.Docs(null, postings, DocsFlags.NONE);
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    rareDocs.Add(doc);
            }
            else if ((ordinals ??= reader.GetSortedSetDocValues(field))?.LookupTerm(bytes) is >= 0 and var ord)
            {
                commonOrds.Add((int)ord);
            }
        }

        var docs = rareDocs.Distinct().Order().ToArray();
        var ords = commonOrds.ToArray();
        var perDoc = ords.Length == 0 ? null : SegmentColumns.Ordinals(reader, field);
        if (docs.Length == 0 && perDoc is null)
            return null;
        return doc => (docs.Length > 0 && Array.BinarySearch(docs, doc) >= 0) || (perDoc is not null && HasAny(perDoc, doc, ords));
    }

    private static bool HasAny(SegmentOrdinals perDoc, int doc, int[] ords)
    {
        var end = perDoc.Starts[doc + 1];
        for (var i = perDoc.Starts[doc]; i < end; i++)
        {
            if (Array.IndexOf(ords, perDoc.Ords[i]) >= 0)
                return true;
        }

        return false;
    }
}
