using Catalog.Search.Querying.Parsing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Catalog.Search.Querying.Ranking;

/// <summary>
/// The RELEVANCE order as rules applied one after the other, each deciding only among titles the ones before it
/// left equal (Meilisearch's and Algolia's tie-breaking rules, adapted to a catalog):
/// <list type="number">
/// <item>words: more of the query's words matched (stop words are the only optional ones, and count for the field rule alone);</item>
/// <item>typos: exact (case- and accent-folded) words before a prefix of the last word before one typo before two;
/// a match of words glued together or split apart counts as one typo;</item>
/// <item>proximity: the words together as a phrase (name, people or tags);</item>
/// <item>field: a word in the name or an alternative title before people and tags before the synopsis;</item>
/// <item>exactness: the whole name equals the query, then the name starts with it (a leading article of the name
/// aside: "godfather" and "godfather, the" are The Godfather);</item>
/// <item>popularity: more votes (the sort after the score);</item>
/// <item>the title id (the sort's last key).</item>
/// </list>
/// The query's clauses score whole units under <see cref="Similarity"/> (no idf, no length norm): a word scores the
/// units of its best alternative, and each rule's unit exceeds the most all later rules can add, so a sum of units
/// compares as the rules do, and is exact in a float (integers below 2^24) whatever the order of addition.
/// </summary>
internal static class RankingRules
{
    public const int MaxWords = UserQueryBuilder.MaxWords;

    /// <summary>Exactness: the whole name equals the query (2 units) or starts with it (1).</summary>
    public const float Exactness = 1f;

    /// <summary>Field per word: name 2 units, people or tags 1, synopsis 0. Above every exactness sum.</summary>
    public const float Field = 4f;

    /// <summary>Proximity per phrase matched (name, people, tags). Above every field and exactness sum.</summary>
    public const float Proximity = (MaxWords * 2 * Field) + (2 * Exactness) + 30f;

    /// <summary>Typos per word: exact 4 units, prefix 3, one typo (or glued/split) 2, two typos 0. Above all proximity and later.</summary>
    public const float Typo = (3 * Proximity) + (MaxWords * 2 * Field) + (2 * Exactness) + 30f;

    /// <summary>Words: each matched word. Above all typo sums and later.</summary>
    public const float Word = (MaxWords * 4 * Typo) + (3 * Proximity) + (MaxWords * 2 * Field) + (2 * Exactness) + 30f;

    public static Similarity Similarity { get; } = new UnitSimilarity();

    /// <summary>
    /// The units of a word matched by an alternative of the given typo and field class. A stop word the query may do
    /// without (<paramref name="optional"/>) counts only for the field rule: "dumb and dumber" is Dumb &amp; Dumber, and a
    /// title holding "and" gains no word or typo over it.
    /// </summary>
    public static float WordValue(TypoClass typo, FieldClass field, bool optional = false) =>
        (optional ? 0 : Word + ((int)typo * Typo)) + ((int)field * Field);

    /// <summary>Whether a searcher scores by the rules: a term then scores its boost alone (no idf, no length norm, binary tf).</summary>
    public static bool ScoresUnits(IndexSearcher searcher) => searcher.Similarity is UnitSimilarity;

    /// <summary>
    /// TF-IDF with every factor but the boost at 1: a term or phrase scores its boost (times the boosts above it), whatever
    /// the field's length, the term's rarity or how often it occurs.
    /// </summary>
    private sealed class UnitSimilarity : TFIDFSimilarity
    {
        public override float Coord(int overlap, int maxOverlap) => 1f;

        public override float QueryNorm(float sumOfSquaredWeights) => 1f;

        public override float Tf(float freq) => freq > 0 ? 1f : 0f;

        public override float Idf(long docFreq, long numDocs) => 1f;

        /// <summary>A phrase's idf is 1 too (TF-IDF sums its terms' idfs).</summary>
        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats) => new(1f, "unit idf");

        public override float LengthNorm(FieldInvertState state) => 1f;

        public override float DecodeNormValue(long norm) => 1f;

        public override long EncodeNormValue(float f) => 1;

        public override float SloppyFreq(int distance) => 1f;

        public override float ScorePayload(int doc, int start, int end, Lucene.Net.Util.BytesRef payload) => 1f;
    }
}

/// <summary>How closely a word's alternative matches what was typed (the units of the typo rule).</summary>
internal enum TypoClass
{
    TwoTypos = 0,
    OneTypo = 2,
    Prefix = 3,
    Exact = 4,
}

/// <summary>Where a word's alternative matches (the units of the field rule).</summary>
internal enum FieldClass
{
    Synopsis = 0,
    PeopleOrTags = 1,
    Name = 2,
}
