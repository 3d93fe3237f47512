using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>
/// "More like these" over the exact tag, genre and people values of seed titles: a shared person weighs
/// most, then a tag, then a genre, and rare values weigh more than common ones (idf).
/// </summary>
internal static class RelatedTitles
{
    private const int MaxFeatures = 200;

    private static readonly (string Field, float Boost)[] Features =
        [(IndexFields.Person, 1.5f), (IndexFields.Tag, 1f), (IndexFields.Genre, 0.5f)];

    /// <summary>Titles sharing values with the seed documents, best first, without the excluded ids.</summary>
    public static IReadOnlyList<string> Find(
        IndexSearcher searcher, IEnumerable<int> seedDocs, IEnumerable<string> excludedIds, Filter filter, int first)
    {
        if (first == 0 || LikeQuery(searcher.IndexReader, seedDocs) is not { } like)
            return [];

        // Excluded afterwards rather than by MUST_NOT clauses: a query of SHOULD clauses alone keeps
        // Lucene's faster out-of-order scorer.
        var excluded = excludedIds.ToHashSet(StringComparer.Ordinal);
        var sort = new Sort(SortField.FIELD_SCORE, TitleSorts.IdTieBreaker);
        var page = Paging.Run(searcher, like, filter, sort, first + excluded.Count, after: null);
        return [.. page.Ids.Where(id => !excluded.Contains(id)).Take(first)];
    }

    private static BooleanQuery? LikeQuery(IndexReader reader, IEnumerable<int> seedDocs)
    {
        var like = new BooleanQuery(disableCoord: true);
        var seen = new HashSet<(string, string)>();
        var bytes = new BytesRef();
        foreach (var doc in seedDocs)
        {
            var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
            foreach (var (field, boost) in Features)
            {
                var values = leaf.AtomicReader.GetSortedSetDocValues(field);
                if (values is null)
                    continue;
                values.SetDocument(doc - leaf.DocBase);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS && seen.Count < MaxFeatures)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    if (seen.Add((field, value)))
                        like.Add(new TermQuery(new Term(field, value)) { Boost = boost }, Occur.SHOULD);
                }
            }
        }

        return like.Clauses.Count > 0 ? like : null;
    }
}
