using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// Per-document float arrays and bit sets of a term-at-a-time search, one set per thread, as long as the
/// largest segment searched so far: a 1M-title search would otherwise allocate megabytes per query (and its
/// garbage collections showed in profiles). A search writes a float entry before it reads it, so the float
/// arrays are never cleared; a bit set is cleared when it is handed out, over the words its previous use could set.
/// </summary>
internal sealed class ScoreArrays
{
    private readonly List<(long[] Words, int Dirty)> bitSets = [];
    private int bitSetsInUse;

    [ThreadStatic]
    private static ScoreArrays? current;

    private readonly List<float[]> scores = [];
    private readonly List<float[]> maxima = [];
    private readonly List<float[]> sums = [];
    private readonly int length;

    private ScoreArrays(int length)
    {
        this.length = length;
        Total = new float[length];
    }

    public float[] Total { get; }

    /// <summary>The thread's arrays, long enough for a segment of <paramref name="documents"/>, with every bit set available.</summary>
    public static ScoreArrays ForSegment(int documents)
    {
        if (current is null || current.length < documents)
            current = new ScoreArrays(Math.Max(documents, (current?.length ?? 0) * 5 / 4));
        current.StartSegment();
        return current;
    }

    /// <summary>An empty bit set of <paramref name="documents"/> bits, valid until the thread's next <see cref="ForSegment"/>.</summary>
    public FixedBitSet Bits(int documents)
    {
        var words = FixedBitSet.Bits2words(documents);
        if (bitSetsInUse == bitSets.Count)
            bitSets.Add((new long[FixedBitSet.Bits2words(length)], 0));
        var (buffer, dirty) = bitSets[bitSetsInUse];
        Array.Clear(buffer, 0, dirty);
        bitSets[bitSetsInUse++] = (buffer, words);
        return new FixedBitSet(buffer, documents);
    }

    public float[] Scores(int depth) => At(scores, depth);

    public float[] Max(int depth) => At(maxima, depth);

    public float[] Sum(int depth) => At(sums, depth);

    private void StartSegment() => bitSetsInUse = 0;

    private float[] At(List<float[]> arrays, int depth)
    {
        while (arrays.Count <= depth)
            arrays.Add(new float[length]);
        return arrays[depth];
    }
}
