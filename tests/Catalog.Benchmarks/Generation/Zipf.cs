namespace Catalog.Benchmarks.Generation;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s (precomputed CDF, binary search).</summary>
internal sealed class Zipf
{
    private readonly double[] cumulative;

    public Zipf(int n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        cumulative = new double[n];
        var sum = 0.0;
        for (var rank = 0; rank < n; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }

        for (var rank = 0; rank < n; rank++)
            cumulative[rank] /= sum;
    }

    public int Count => cumulative.Length;

    public int Next(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}

/// <summary>A word list drawn with Zipf frequencies: the first entries are the common ones.</summary>
internal sealed class ZipfPool(IReadOnlyList<string> items, double exponent)
{
    private readonly Zipf zipf = new(items.Count, exponent);

    public IReadOnlyList<string> Items => items;

    public string Next(Random random) => items[zipf.Next(random)];

    /// <summary>Up to <paramref name="count"/> distinct draws (fewer when the pool is small).</summary>
    public List<string> Distinct(Random random, int count)
    {
        var picked = new List<string>(count);
        for (var attempt = 0; picked.Count < count && attempt < count * 4; attempt++)
        {
            var item = Next(random);
            if (!picked.Contains(item, StringComparer.Ordinal))
                picked.Add(item);
        }

        return picked;
    }
}
