using Catalog.Core.Ranking;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Filtering;
using Lucene.Net.Index;

namespace Catalog.Search.Querying.Ranking;

/// <summary>
/// C of the weighted rating over a reader: <see cref="WeightedRating.CatalogMean"/> of every live document's votes.
/// <see cref="CatalogSearcher.CatalogMean"/> computes it once per reader (a reader never changes).
/// </summary>
internal static class CatalogMean
{
    public static double Of(IndexReader reader)
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

        return WeightedRating.CatalogMean(sum, votes);
    }
}
