using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// A term's query-side weight under the searcher's similarity, computed as Lucene's TF-IDF weight computes it
/// (idf² × boost, no query norm; under <see cref="RankingRules"/> the boost alone, with neither tf nor length
/// norm), and its per-segment states.
/// </summary>
internal sealed record ColumnTerm(Term Term, TermContext States, float Value, bool BinaryTf, bool Normed)
{
    public static ColumnTerm Of(IndexSearcher searcher, TermQuery query, float boostAbove)
    {
        var term = query.Term;
        var states = ExactTerms.StatesOf(query, searcher.IndexReader) ?? TermStates.Build(searcher.IndexReader, term);
        if (RankingRules.ScoresUnits(searcher))
            return new ColumnTerm(term, states, query.Boost * boostAbove, BinaryTf: true, Normed: false);
        var idf = CatalogSimilarity.Idf(states.DocFreq, searcher.IndexReader.MaxDoc);
        var queryWeight = idf * query.Boost;
        queryWeight *= boostAbove;
        return new ColumnTerm(term, states, queryWeight * idf, BinaryTf: !CatalogSimilarity.CountsFrequency(term.Field), Normed: true);
    }
}

/// <summary>
/// Scores a term's postings in one segment the way Lucene's TermScorer does under <see cref="CatalogSimilarity"/>
/// (tf × weight × decoded length norm), but with the norms read from a decoded column and, for the
/// binary-tf fields, without decoding term frequencies: no virtual call per posting besides the postings' own.
/// </summary>
internal sealed class ColumnTermScorer : Scorer
{
    private static readonly DefaultSimilarity Scoring = new();
    private static readonly float[] NormTable = [.. Enumerable.Range(0, 256).Select(b => Scoring.DecodeNormValue(b))];

    private readonly DocsEnum docs;
    private readonly byte[]? norms;
    private readonly float value;
    private readonly bool binaryTf;
    private readonly long cost;

    private ColumnTermScorer(DocsEnum docs, byte[]? norms, ColumnTerm term, long cost)
        : base(null)
    {
        this.docs = docs;
        this.norms = norms;
        value = term.Value;
        binaryTf = term.BinaryTf;
        this.cost = cost;
    }

    public override int DocID => docs.DocID;

    public override int Freq => binaryTf ? 1 : docs.Freq;

    /// <summary>The term's scorer in this segment, or null when the segment does not hold the term.</summary>
    public static ColumnTermScorer? Of(ColumnTerm term, AtomicReaderContext leaf)
    {
        if (term.States.Get(leaf.Ord) is not { } state
            || TermStates.Docs(leaf.AtomicReader, term.Term, state, term.BinaryTf ? DocsFlags.NONE : DocsFlags.FREQS) is not { } postings)
            return null;
        return new ColumnTermScorer(postings.Docs, term.Normed ? SegmentColumns.Norms(leaf.AtomicReader, term.Term.Field) : null, term, postings.DocFreq);
    }

    /// <summary>A length norm as scores use it.</summary>
    public static float DecodeNorm(byte norm) => NormTable[norm];

    public override float GetScore() => ScoreOf(docs.DocID);

    /// <summary>
    /// Hands every posting (of <paramref name="restrict"/> when given) with its score to <paramref name="sink"/>: the same
    /// scores as <see cref="GetScore"/>, without a virtual call and a delegate per posting.
    /// </summary>
    public void ReadAll<TSink>(FixedBitSet? restrict, ref TSink sink)
        where TSink : struct, IPostingSink
    {
        int doc;
        while ((doc = docs.NextDoc()) != NO_MORE_DOCS)
        {
            if (restrict is not null && !restrict.Get(doc))
                continue;
            sink.Found(doc, ScoreOf(doc));
        }
    }

    public override int NextDoc() => docs.NextDoc();

    private float ScoreOf(int doc)
    {
        var raw = binaryTf ? value : Scoring.Tf(docs.Freq) * value;
        return norms is null ? raw : raw * NormTable[norms[doc]];
    }

    public override int Advance(int target) => docs.Advance(target);

    public override long GetCost() => cost;
}

/// <summary>Where a term-at-a-time search puts a posting's document and score (a struct, so the reading loop is specialized for it).</summary>
internal interface IPostingSink
{
    void Found(int doc, float score);
}
