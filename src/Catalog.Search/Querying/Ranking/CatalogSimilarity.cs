using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Catalog.Search.Querying.Ranking;

/// <summary>
/// Query-time scoring: names, people and tags are short and their joined pairs and n-grams repeat a
/// word's prefix ("terminator", "terminator2"), so a term counts once there (binary tf) and the length
/// norm decides; the synopsis keeps classic tf-idf. Norms are the index's DefaultSimilarity ones.
/// </summary>
internal sealed class CatalogSimilarity : PerFieldSimilarityWrapper
{
    private static readonly DefaultSimilarity Prose = new();
    private static readonly BinaryTfSimilarity ShortText = new();

    public static CatalogSimilarity Instance { get; } = new();

    public override Similarity Get(string name) => CountsFrequency(name) ? Prose : ShortText;

    /// <summary>Whether a field's scores count how often a term occurs (the synopsis) or only that it does.</summary>
    public static bool CountsFrequency(string field) => field == IndexFields.Synopsis;

    /// <summary>The inverse document frequency every field scores with (both similarities share DefaultSimilarity's).</summary>
    public static float Idf(long docFreq, long maxDoc) => Prose.Idf(docFreq, maxDoc);

    private sealed class BinaryTfSimilarity : DefaultSimilarity
    {
        public override float Tf(float freq) => freq > 0 ? 1 : 0;
    }
}
