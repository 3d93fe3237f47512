using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// The <c>size</c> best full scores seen so far by a relevance search that keeps only its best <c>size</c>
/// documents. A document whose partial score plus the most its unread clauses can add stays below the
/// <c>size</c>-th best full score cannot be among them, so those clauses need not be read for it: its
/// score is only partial, and it still counts as a match (totals and facets do not use scores). Nor does a
/// hit whose score is below the <c>size</c>-th best need to reach the collector that keeps the best.
/// </summary>
internal sealed class CompetitiveScores(int size)
{
    /// <summary>Head room for float rounding: the bound and a score add the same values in another order.</summary>
    private const float Margin = 1e-4f;

    private readonly PriorityQueue<float, float> best = new(size);

    /// <summary>The score a document needs to be among the best so far (every score when fewer were seen).</summary>
    public float Threshold => best.Count < size ? float.NegativeInfinity : best.Peek();

    /// <summary>
    /// The documents of <paramref name="docs"/> whose score in <paramref name="total"/> plus <paramref name="most"/>
    /// may still reach the best: <paramref name="docs"/> itself, or those of them written into <paramref name="into"/>.
    /// </summary>
    public FixedBitSet Contenders(FixedBitSet docs, float[] total, float most, FixedBitSet into)
    {
        if (best.Count < size)
            return docs;
        var threshold = Threshold;
        foreach (var doc in new SetBits(docs))
        {
            if ((total[doc] + most) * (1 + Margin) >= threshold)
                into.Set(doc);
        }

        return into;
    }

    /// <summary>Takes in the full scores of <paramref name="docs"/>.</summary>
    public void Record(FixedBitSet docs, float[] total)
    {
        foreach (var doc in new SetBits(docs))
            Add(total[doc]);
    }

    private void Add(float score)
    {
        if (best.Count < size)
            best.Enqueue(score, score);
        else if (score > best.Peek())
            best.EnqueueDequeue(score, score);
    }
}
