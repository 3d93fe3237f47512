using Catalog.Benchmarks.Generation;
using Catalog.Core.Titles;

namespace Catalog.Benchmarks.Tests;

/// <summary>
/// The benchmark compares systems on "the same generated data": that only holds if generation is a pure
/// function of size and seed, and its numbers only mean something if the distributions are what the
/// README says.
/// </summary>
public sealed class GeneratorTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    internal static List<Title> Generate(int count, int seed)
    {
        var vocabulary = CatalogVocabulary.Build(SeedVocabulary.Load(null), count, new Random(seed));
        return [.. new CatalogGenerator(vocabulary, Now, seed).Generate(count)];
    }

    [Fact]
    public void Same_seed_gives_the_same_titles_and_another_seed_does_not()
    {
        var first = Generate(2_000, 7);
        var again = Generate(2_000, 7);
        var other = Generate(2_000, 8);

        Assert.Equal(first.Select(Fingerprint), again.Select(Fingerprint));
        Assert.NotEqual(first.Select(t => t.Name), other.Select(t => t.Name));
    }

    [Fact]
    public void Ids_are_unique_and_url_safe()
    {
        var titles = Generate(5_000, 11);

        Assert.Equal(titles.Count, titles.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(titles, t => Assert.True(TitleIds.IsValid(t.Id), t.Id));
    }

    [Fact]
    public void Shares_match_the_documented_mix()
    {
        var titles = Generate(20_000, 20261126);

        Assert.InRange(Share(titles, t => t.Trailers.Count > 0), 0.30, 0.40);
        Assert.InRange(Share(titles, t => t.AvailableUntil is not null), 0.06, 0.10);
        Assert.InRange(Share(titles, t => t.AddedAt > Now), 0.005, 0.05);
        Assert.All(titles, t => Assert.InRange(t.Genres.Count, 1, 3));
        Assert.All(titles, t => Assert.NotEmpty(t.Cast));
        Assert.All(titles, t => Assert.True(t.AvailableUntil is not { } until || until > t.AddedAt, t.Id));
    }

    [Fact]
    public void Tags_follow_a_zipf_curve()
    {
        var titles = Generate(20_000, 3);
        var counts = titles.SelectMany(t => t.Tags).CountBy(tag => tag).Select(p => p.Value).OrderDescending().ToList();

        // Rank 1 is roughly twice rank 2 and far above rank 50: a few tags are everywhere, most are rare.
        Assert.InRange((double)counts[0] / counts[1], 1.5, 2.8);
        Assert.True(counts[0] > 20 * counts[49], $"top tag {counts[0]} vs 50th {counts[49]}");
    }

    [Fact]
    public void Zipf_draws_rank_frequencies_proportional_to_one_over_rank()
    {
        var zipf = new Zipf(100, 1.0);
        var random = new Random(1);
        var counts = new int[zipf.Count];
        for (var i = 0; i < 200_000; i++)
            counts[zipf.Next(random)]++;

        Assert.InRange((double)counts[0] / counts[1], 1.8, 2.2);
        Assert.InRange((double)counts[0] / counts[9], 8.5, 11.5);
        Assert.True(counts[99] > 0);
    }

    private static double Share(List<Title> titles, Func<Title, bool> predicate) => titles.Count(predicate) / (double)titles.Count;

    private static string Fingerprint(Title t) =>
        string.Join('|', t.Id, t.Name, t.Kind, t.ReleaseDate, t.AddedAt.Ticks, t.RatingCount, string.Join(',', t.Tags), string.Join(',', t.Cast), t.Trailers.Count);
}
