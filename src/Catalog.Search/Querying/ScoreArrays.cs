namespace Catalog.Search.Querying;

/// <summary>
/// Per-document float arrays of a term-at-a-time search, one set per thread, as long as the largest
/// segment searched so far: a 1M-title search would otherwise allocate megabytes per query. A search
/// writes an entry before it reads it, so the arrays are never cleared.
/// </summary>
internal sealed class ScoreArrays
{
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

    public static ScoreArrays ForThread(int documents)
    {
        if (current is null || current.length < documents)
            current = new ScoreArrays(Math.Max(documents, (current?.length ?? 0) * 5 / 4));
        return current;
    }

    public float[] Scores(int depth) => At(scores, depth);

    public float[] Max(int depth) => At(maxima, depth);

    public float[] Sum(int depth) => At(sums, depth);

    private float[] At(List<float[]> arrays, int depth)
    {
        while (arrays.Count <= depth)
            arrays.Add(new float[length]);
        return arrays[depth];
    }
}
