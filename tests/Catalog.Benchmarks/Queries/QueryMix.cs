using Catalog.Benchmarks.Generation;
using Catalog.Core.Search;
using Catalog.Core.Titles;

namespace Catalog.Benchmarks.Queries;

/// <summary>
/// The fixed, seeded query mix. Words come from the catalog's own titles (so they follow the catalog's
/// Zipf distribution and most queries find something); filters reuse the chosen title's own values.
/// </summary>
internal static class QueryMix
{
    private static readonly (TitleSort Sort, double Weight)[] SortMix =
    [
        (TitleSort.Relevance, 60), (TitleSort.Popularity, 10), (TitleSort.Rating, 10),
        (TitleSort.ReleasedNewest, 10), (TitleSort.AddedNewest, 5), (TitleSort.Name, 5),
    ];

    public static List<BenchQuery> Build(IReadOnlyList<Title> titles, CatalogVocabulary vocabulary, DateTime now, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<BenchQuery>(count);
        while (queries.Count < count)
        {
            var title = titles[random.Next(titles.Count)];
            var number = queries.Count;
            var roll = random.NextDouble();
            BenchQuery? query = roll switch
            {
                < 0.30 => new(number, QueryShape.Plain, NameWords(title, random, 1 + random.Next(3)), null, Sort(random), 1),
                < 0.40 => Prefix(number, title, random),
                < 0.55 => Misspelled(number, title, now, random),
                < 0.82 => new(number, QueryShape.Filtered, NameWords(title, random, 1 + random.Next(2)), Filter(title, now, random), Sort(random), 1),
                < 0.90 => new(number, QueryShape.Person, title.Cast[0].Split(' '), null, Sort(random), 1),
                _ => new(number, QueryShape.Deep, [vocabulary.TitleWords.Items[random.Next(200)].ToLowerInvariant()], null, Sort(random), 5 + random.Next(16)),
            };
            if (query is not null && query.Words.Count > 0)
                queries.Add(query);
        }

        return queries;
    }

    /// <summary>Up to <paramref name="count"/> consecutive words of the title's name, as typed (lower case mostly).</summary>
    private static List<string> NameWords(Title title, Random random, int count)
    {
        var words = title.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var take = Math.Min(count, words.Length);
        var start = random.Next(words.Length - take + 1);
        var lower = random.NextDouble() < 0.8;
        return [.. words.Skip(start).Take(take).Select(w => lower ? w.ToLowerInvariant() : w)];
    }

    private static BenchQuery? Prefix(int number, Title title, Random random)
    {
        var words = NameWords(title, random, 1 + random.Next(2));
        var last = words[^1];
        if (last.Length < 5)
            return null;
        words[^1] = last[..(3 + random.Next(last.Length - 4))];
        return new BenchQuery(number, QueryShape.Prefix, words, null, TitleSort.Relevance, 1);
    }

    /// <summary>An available title's longest words (up to three, in name order) with one of them misspelled.</summary>
    private static BenchQuery? Misspelled(int number, Title title, DateTime now, Random random)
    {
        if (!IsAvailable(title, now))
            return null;
        var words = title.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Select((w, i) => (Word: w.ToLowerInvariant(), Index: i))
            .OrderByDescending(p => p.Word.Length).Take(3).OrderBy(p => p.Index).Select(p => p.Word).ToList();
        var candidates = kept.Select((w, i) => (w, i)).Where(p => Misspeller.CanMisspell(p.w)).ToList();
        if (kept.Count < 2 || candidates.Count == 0)
            return null;
        var target = candidates[random.Next(candidates.Count)].i;
        var typed = kept.ToList();
        typed[target] = Misspeller.Misspell(kept[target], random);
        return new BenchQuery(number, QueryShape.Misspelled, typed, null, TitleSort.Relevance, 1, title.Id, kept);
    }

    /// <summary>Searchable at <paramref name="now"/> (SPEC: search shows only available titles).</summary>
    public static bool IsAvailable(Title title, DateTime now) =>
        title.AddedAt <= now && (title.AvailableUntil is not { } until || until > now);

    private static TitleFilter Filter(Title title, DateTime now, Random random)
    {
        var filter = new TitleFilter { Genres = [title.Genres[random.Next(title.Genres.Count)]] };
        if (random.NextDouble() < 0.5)
            filter = filter with { Tags = [title.Tags[random.Next(title.Tags.Count)].ToLowerInvariant()] };
        if (random.NextDouble() < 0.3 && title.ReleaseYear is int year)
            filter = filter with { Released = new DateRange(new DateOnly(year - random.Next(6), 1, 1), new DateOnly(year + random.Next(6), 12, 31)) };
        if (random.NextDouble() < 0.2)
            filter = filter with { Added = new InstantRange(now.AddDays(-365 * (1 + random.Next(3))), null) };
        if (random.NextDouble() < 0.1)
            filter = filter with { HasTrailer = true };
        if (random.NextDouble() < 0.1)
            filter = filter with { Kinds = [title.Kind] };
        return filter;
    }

    private static TitleSort Sort(Random random)
    {
        var target = random.NextDouble() * SortMix.Sum(s => s.Weight);
        foreach (var (sort, weight) in SortMix)
        {
            target -= weight;
            if (target < 0)
                return sort;
        }

        return TitleSort.Relevance;
    }
}
