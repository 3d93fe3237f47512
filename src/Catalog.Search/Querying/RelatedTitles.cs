using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>
/// "More like these" over the exact tag, genre and people values of seed titles: a shared person weighs
/// most, then a tag, then a genre, and rare values weigh more than common ones (idf).
/// </summary>
/// <remarks>
/// Scoring every title that shares a common value (a genre, a head tag held by half the catalog) costs
/// more than the rest of the search. So the values are split into strong ones (first those weighing as
/// much as a value held by 1/64 of the titles) and weak ones; the titles sharing a strong value are ranked
/// with all their shared values, and that ranking is final when its last title scores above all weak values
/// together (what a title sharing no strong value could reach at most). If not, the heaviest weak values
/// turn strong until the weak ones sum below the score reached, and the ranking runs once more; failing
/// that, every title sharing any value is ranked. Scores are idf² × boost per shared value under
/// <see cref="CatalogSimilarity"/> (binary tf, no norms on these fields, no query norm).
/// </remarks>
internal static class RelatedTitles
{
    private const int MaxFeatures = 200;

    private static readonly (string Field, float Boost)[] Features =
        [(IndexFields.Person, 1.5f), (IndexFields.Tag, 1f), (IndexFields.Genre, 0.5f)];

    /// <summary>The weight (idf² at boost 1) of a value held by 1/64 of the titles.</summary>
    private static readonly float StrongWeight = MathF.Pow(MathF.Log(64) + 1, 2);

    private sealed record Feature(TermQuery Query, float MaxScore);

    /// <summary>Titles sharing values with the seed documents, best first, without the excluded ids.</summary>
    public static IReadOnlyList<string> Find(
        IndexSearcher searcher, IEnumerable<int> seedDocs, IEnumerable<string> excludedIds, Filter filter, int first)
    {
        var features = FeaturesOf(searcher.IndexReader, seedDocs);
        if (first == 0 || features.Count == 0)
            return [];
        var excluded = excludedIds.ToHashSet(StringComparer.Ordinal);
        var wanted = first + excluded.Count;
        var byWeight = features.OrderByDescending(f => f.MaxScore).ToList();
        var strong = byWeight.Count(f => f.MaxScore >= StrongWeight);
        for (var attempt = 0; attempt < 2 && strong > 0 && strong < byWeight.Count; attempt++)
        {
            var weak = byWeight[strong..];
            var weakSum = weak.Sum(f => f.MaxScore) * 1.0001f;
            var ranked = new BooleanQuery(disableCoord: true) { { AnyOf(byWeight[..strong]), Occur.MUST } };
            foreach (var feature in weak)
                ranked.Add(feature.Query, Occur.SHOULD);
            var page = Run(searcher, ranked, filter, wanted);
            if (page.Hits.Count < wanted)
                break;
            var reached = page.Hits[^1].Score;
            if (reached > weakSum)
                return Without(page, excluded, first);
            while (strong < byWeight.Count && weakSum >= reached)
                weakSum -= byWeight[strong++].MaxScore * 1.0001f;
        }

        return Without(Run(searcher, AnyOf(features), filter, wanted), excluded, first);
    }

    // Excluded afterwards rather than by MUST_NOT clauses: a query of SHOULD clauses alone keeps
    // Lucene's faster out-of-order scorer.
    private static Page Run(IndexSearcher searcher, Query query, Filter filter, int count) =>
        Paging.Run(searcher, query, filter, new Sort(SortField.FIELD_SCORE, TitleSorts.IdTieBreaker), count, after: null, scores: true);

    private static List<string> Without(Page page, HashSet<string> excluded, int first) =>
        [.. page.Ids.Where(id => !excluded.Contains(id)).Take(first)];

    private static BooleanQuery AnyOf(IEnumerable<Feature> features)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var feature in features)
            any.Add(feature.Query, Occur.SHOULD);
        return any;
    }

    private static List<Feature> FeaturesOf(IndexReader reader, IEnumerable<int> seedDocs)
    {
        var features = new List<Feature>();
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
                        features.Add(FeatureOf(reader, new Term(field, value), boost));
                }
            }
        }

        return features;
    }

    private static Feature FeatureOf(IndexReader reader, Term term, float boost)
    {
        var states = TermContext.Build(reader.Context, term);
        var idf = (float)(Math.Log(reader.MaxDoc / (double)(states.DocFreq + 1)) + 1.0);
        return new Feature(new TermQuery(term, states) { Boost = boost }, MaxScore: idf * idf * boost);
    }
}
