namespace Catalog.Benchmarks.Generation;

/// <summary>
/// The Zipf-weighted pools titles are drawn from: the sample's real words first (most frequent first),
/// then made-up words until each pool has the size the catalog needs.
/// </summary>
internal sealed class CatalogVocabulary
{
    /// <summary>Genres with their share of titles (a streaming catalog's mix; each title has 1–3).</summary>
    public static readonly (string Genre, double Weight)[] GenreMix =
    [
        ("Drama", 24), ("Comedy", 16), ("Thriller", 8), ("Action", 8), ("Romance", 6), ("Horror", 6),
        ("Documentary", 5), ("Crime", 5), ("Adventure", 4), ("Science Fiction", 3), ("Family", 3),
        ("Animation", 3), ("Fantasy", 2.5), ("Mystery", 2), ("History", 1.2), ("War", 1), ("Music", 1),
        ("Western", 0.6), ("Biography", 0.5), ("Sport", 0.4),
    ];

    private CatalogVocabulary(ZipfPool titleWords, ZipfPool tags, ZipfPool people, ZipfPool synopsisWords)
    {
        TitleWords = titleWords;
        Tags = tags;
        People = people;
        SynopsisWords = synopsisWords;
    }

    public ZipfPool TitleWords { get; }
    public ZipfPool Tags { get; }
    public ZipfPool People { get; }
    public ZipfPool SynopsisWords { get; }

    public static CatalogVocabulary Build(SeedVocabulary seed, int titles, Random random)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var titleWords = seed.TitleWords.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key).Where(taken.Add).ToList();
        Pad(titleWords, Math.Clamp(titles / 20, 4_000, 60_000), random, taken, WordForge.Capitalized);

        var tags = Shuffled(seed.Tags, random);
        Pad(tags, Math.Clamp(titles / 200, 300, 5_000), random, taken, w => w);

        var nameParts = Shuffled(seed.PersonNames, random);
        Pad(nameParts, 3_000, random, taken, WordForge.Capitalized);
        var people = new HashSet<string>(StringComparer.Ordinal);
        var peopleCount = Math.Clamp(titles / 4, 2_000, 300_000);
        while (people.Count < peopleCount)
            people.Add($"{nameParts[random.Next(nameParts.Count)]} {nameParts[random.Next(nameParts.Count)]}");

        var synopsisWords = seed.SynopsisWords.Concat(titleWords.Take(2_000).Select(w => w.ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal).ToList();
        Pad(synopsisWords, 20_000, random, taken, w => w);

        return new CatalogVocabulary(
            new ZipfPool(titleWords, 1.0),
            new ZipfPool(tags, 1.1),
            new ZipfPool([.. people], 1.05),
            new ZipfPool(synopsisWords, 1.0));
    }

    private static List<string> Shuffled(IEnumerable<string> items, Random random)
    {
        var list = items.Order(StringComparer.Ordinal).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private static void Pad(List<string> words, int size, Random random, HashSet<string> taken, Func<string, string> shape)
    {
        if (words.Count < size)
            words.AddRange(WordForge.Words(random, size - words.Count, 1, 4, taken).Select(shape));
    }
}
