using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Related;

/// <summary>
/// "More like these" over the exact tag, genre and people values of seed titles: a shared person weighs
/// most, then a tag, then a genre, and rare values weigh more than common ones (idf).
/// </summary>
/// <remarks>
/// A title's score is the sum of idf² × boost over the values it shares (what a query of one term per
/// value scores under <see cref="CatalogSimilarity"/>: binary tf, no norms on these fields, no query norm).
/// Visiting every title that shares a common value (a genre, a head tag held by half the catalog) cost
/// more than the rest of the search. So a related title must share a <see cref="Distinctive"/> value, or
/// the seeds' rarest value when they have none;
/// a title sharing only genres and head tags with the seeds is not "related" to them in any useful sense.
/// The common values still add to the scores. The ranking (<see cref="RelatedRanking"/>) also stops
/// reading posting lists as soon as the values not read yet could not lift any other title into the answer.
/// </remarks>
internal static class RelatedTitles
{
    private const int MaxFeatures = 200;

    private static readonly (string Field, float Boost)[] Fields =
        [(IndexFields.Person, 1.5f), (IndexFields.Tag, 1f), (IndexFields.Genre, 0.5f)];

    /// <summary>
    /// Titles sharing values with the seed documents, best first, without the excluded ids. With <paramref name="minShare"/>
    /// a title must share a <see cref="Distinctive"/> value and at least that share of the weight of the seed it is
    /// most like; without, the seeds' rarest value serves when none is distinctive.
    /// </summary>
    public static IReadOnlyList<string> Find(
        IndexSearcher searcher, IEnumerable<int> seedDocs, IEnumerable<string> excludedIds, DocValuesFilter filter, int first, float minShare = 0)
    {
        var reader = searcher.IndexReader;
        var (features, seedWeight) = FeaturesOf(reader, seedDocs);
        if (first == 0 || features.Count == 0)
            return [];
        var excluded = excludedIds.ToHashSet(StringComparer.Ordinal);
        var byWeight = features.OrderByDescending(f => f.Weight).ThenBy(f => f.DocFreq).ToList();
        var distinctive = minShare > 0 ? Distinctive.MaxTitles(reader) : Math.Max(Distinctive.MaxTitles(reader), features.Min(f => f.DocFreq));
        var ranked = RelatedRanking.Rank(reader, byWeight, f => f.DocFreq <= distinctive, filter, first + excluded.Count);
        return [.. ranked.Where(r => r.Score >= minShare * seedWeight).Select(r => r.Id).Where(id => !excluded.Contains(id)).Take(first)];
    }

    /// <summary>The seeds' values, each once, and the weight of the heaviest seed's own values.</summary>
    private static (List<RelatedFeature> Features, float SeedWeight) FeaturesOf(IndexReader reader, IEnumerable<int> seedDocs)
    {
        var features = new List<RelatedFeature>();
        var byValue = new Dictionary<(string, string), RelatedFeature>();
        var seedWeight = 0f;
        var bytes = new BytesRef();
        foreach (var doc in seedDocs)
        {
            var weight = 0f;
            var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
            foreach (var (field, boost) in Fields)
            {
                var values = leaf.AtomicReader.GetSortedSetDocValues(field);
                if (values is null)
                    continue;
                values.SetDocument(doc - leaf.DocBase);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS && byValue.Count < MaxFeatures)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    if (!byValue.TryGetValue((field, value), out var feature))
                    {
                        feature = FeatureOf(reader, new Term(field, value), boost);
                        byValue.Add((field, value), feature);
                        features.Add(feature);
                    }

                    weight += feature.Weight;
                }
            }

            seedWeight = Math.Max(seedWeight, weight);
        }

        return (features, seedWeight);
    }

    private static RelatedFeature FeatureOf(IndexReader reader, Term term, float boost)
    {
        var states = TermStates.Build(reader, term);
        var idf = CatalogSimilarity.Idf(states.DocFreq, reader.MaxDoc);
        return new RelatedFeature(term, states, states.DocFreq, Weight: idf * idf * boost);
    }
}
