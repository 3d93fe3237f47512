using Catalog.Benchmarks.Generation;
using Catalog.Benchmarks.Queries;

namespace Catalog.Benchmarks.Tests;

/// <summary>The query mix is seeded, covers every shape, and its misspellings are typos a search engine should forgive.</summary>
public sealed class QueryMixTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Same_seed_gives_the_same_queries_with_every_shape_present()
    {
        var (first, _) = Build(1);
        var (again, _) = Build(1);

        Assert.Equal(first.Select(Describe), again.Select(Describe));
        Assert.Equal(Enum.GetValues<QueryShape>().Order(), first.Select(q => q.Shape).Distinct().Order());
        Assert.All(first, q => Assert.InRange(q.Words.Count, 1, 3));
    }

    [Fact]
    public void Misspelled_queries_name_an_available_title_and_its_correct_words()
    {
        var (queries, titles) = Build(2);
        var byId = titles.ToDictionary(t => t.Id);

        var misspelled = queries.Where(q => q.Shape == QueryShape.Misspelled).ToList();
        Assert.NotEmpty(misspelled);
        foreach (var query in misspelled)
        {
            var title = byId[query.ExpectedTitleId!];
            Assert.True(QueryMix.IsAvailable(title, Now), title.Id);
            var nameWords = title.Name.ToLowerInvariant().Split(' ');
            Assert.All(query.CleanWords!, w => Assert.Contains(w, nameWords));
            Assert.Equal(1, query.Words.Zip(query.CleanWords!).Count(p => p.First != p.Second));
        }
    }

    [Fact]
    public void Filtered_queries_keep_their_source_titles_values()
    {
        var (queries, titles) = Build(3);
        var genres = titles.SelectMany(t => t.Genres).ToHashSet(StringComparer.Ordinal);

        var filtered = queries.Where(q => q.Shape == QueryShape.Filtered).ToList();
        Assert.NotEmpty(filtered);
        Assert.All(filtered, q => Assert.Contains(q.Filter!.Genres!.Single(), genres));
    }

    [Theory]
    [InlineData("matrix")]
    [InlineData("casablanca")]
    [InlineData("extraterrestrial")]
    public void A_misspelling_is_one_edit_below_eight_letters_and_at_most_two_from_eight_and_keeps_the_first_letter(string word)
    {
        var random = new Random(word.Length);
        for (var i = 0; i < 500; i++)
        {
            var typo = Misspeller.Misspell(word, random);
            var distance = Levenshtein(word, typo);
            Assert.InRange(distance, 1, word.Length >= 8 ? 2 : 1);
            Assert.Equal(word[0], typo[0]);
        }
    }

    private static (List<BenchQuery> Queries, List<Catalog.Core.Titles.Title> Titles) Build(int seed)
    {
        var titles = GeneratorTests.Generate(3_000, seed);
        var vocabulary = CatalogVocabulary.Build(SeedVocabulary.Load(null), titles.Count, new Random(seed));
        return (QueryMix.Build(titles, vocabulary, Now, 300, seed + 1), titles);
    }

    private static string Describe(BenchQuery q) => $"{q.Shape}|{q.Text}|{q.Sort}|{q.Page}|{q.Filter}";

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }
}
