using System.Runtime.CompilerServices;
using Catalog.Search.Schema;
using Lucene.Net.Index;

namespace Catalog.Search.Querying;

/// <summary>
/// C of the weighted rating: the mean of every vote in the index (Σ rating sums / Σ vote counts over
/// live documents; 0 when nobody voted). Computed once per reader: a reader never changes, so the
/// value is cached until the reader is collected.
/// </summary>
internal static class CatalogMean
{
    private static readonly ConditionalWeakTable<IndexReader, StrongBox<double>> Cache = [];

    public static double Of(IndexReader reader) =>
        Cache.GetValue(reader, static r => new StrongBox<double>(Compute(r))).Value;

    private static double Compute(IndexReader reader)
    {
        double sum = 0;
        long votes = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var ratings = RatingValues.For(segment);
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                    continue;
                sum += ratings.Sum(doc);
                votes += ratings.Votes(doc);
            }
        }

        return votes > 0 ? sum / votes : 0;
    }
}
