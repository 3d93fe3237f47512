using System.Collections.Concurrent;
using Catalog.Search.Querying.Facets;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// The searcher of one index reader, as the searcher source hands it out: it scores with
/// <see cref="CatalogSimilarity"/> and owns the state computed from its reader (the catalog mean, the rules'
/// searcher, facet ordinals, the words' typo candidates merged over its segments), which goes with the reader when a refresh replaces it. State of one segment
/// (decoded columns, typo and prefix answers) is keyed by the segment's core instead, so it outlives a refresh that
/// keeps the segment (docs/caches.md lists every cache). Thread-safe, like every <see cref="IndexSearcher"/>.
/// </summary>
public sealed class CatalogSearcher : IndexSearcher
{
    private readonly Lazy<double> catalogMean;
    private readonly Lazy<IndexSearcher> ranking;
    private readonly ConcurrentDictionary<string, FacetOrdinals?> facetOrdinals = new();
    private readonly BoundedAnswers<(string Field, string Word, int MaxEdits), FuzzyCandidate[]> typoCandidates = new(FuzzyCandidates.MaxCachedAnswers);

    internal CatalogSearcher(IndexReader reader)
        : base(reader)
    {
        Similarity = CatalogSimilarity.Instance;
        catalogMean = new(() => Querying.Ranking.CatalogMean.Of(reader));
        ranking = new(() => new IndexSearcher(reader) { Similarity = RankingRules.Similarity });
    }

    /// <summary>C of the weighted rating over this reader, computed on first use.</summary>
    public double CatalogMean => catalogMean.Value;

    /// <summary>A searcher over the same reader that scores with <see cref="RankingRules"/>' units.</summary>
    internal IndexSearcher Ranking => ranking.Value;

    /// <summary>The field's global ordinals over this reader (built on first use), or null when no document has the field.</summary>
    internal FacetOrdinals? FacetOrdinals(string field) =>
        facetOrdinals.GetOrAdd(field, static (f, reader) => Querying.Facets.FacetOrdinals.Build(reader, f), IndexReader);

    /// <summary>A word's typo candidates over this reader's segments, best first (computed on first use, bounded).</summary>
    internal FuzzyCandidate[] TypoCandidates(string field, string word, int maxEdits) =>
        typoCandidates.GetOrAdd((field, word, maxEdits), static (key, reader) => FuzzyCandidates.Merge(reader, key.Field, key.Word, key.MaxEdits), IndexReader);
}
