using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Fallbacks;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// The fallbacks' counts stop once they know the answer (docs/search-fallbacks.md, "Cost of fallbacks"): a count asked
/// "more than N?" is exact up to N and reads no segment after the one where it passed N; the least important word is the
/// one exact counts would choose; a document-frequency ceiling never undercounts. On a segmented index with deleted documents.
/// </summary>
public sealed class BoundedCountTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    private static readonly string[] Vocabulary =
        ["dark", "star", "night", "river", "robot", "city", "love", "war", "time", "ann", "lee", "the", "of", "drak", "blu", "iron", "zzz"];

    private readonly SearchHarness harness = fixture.Harness;

    private DocValuesFilter Available => DocValuesFilter.AvailableAt(FieldValues.Instant(harness.Now));

    [Fact]
    public void A_count_is_exact_up_to_its_limit_and_a_lower_bound_above_it_and_the_ceiling_never_undercounts()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var filter = random.Next(2) == 0 ? Available : FilterClauses.Combine(FilterClauses.From(RandomCatalog.Filter(random), 7, 100), Available);
            using var lease = harness.Index.Acquire();
            var searcher = lease.Searcher;
            var query = new UserQueryBuilder(harness.Analyzers).Build(text, searcher).Query;
            var exact = BestMatches.Of(searcher, query, filter, best: 1).Count;
            var limit = random.Next(-1, exact + 3);

            foreach (var workers in new[] { 1, 2 })
            {
                var counted = BestMatches.CountAbove(searcher, query, filter, limit, workers).Count;
                if (exact <= limit)
                    Assert.Equal(exact, counted);
                else
                    Assert.InRange(counted, limit + 1, exact);
            }

            Assert.Equal(exact > limit, BestMatches.MatchesMoreThan(searcher, query, filter, limit));
            if (BestMatches.HoldsAtMost(searcher.IndexReader, query, limit))
                Assert.True(exact <= limit, $"'{text}': {exact} matches, more than the ceiling {limit}");
            if (exact > 0)
                Assert.False(BestMatches.HoldsAtMost(searcher.IndexReader, query, exact - 1), $"'{text}': ceiling below its {exact} matches");
        }, iter: 300);
    }

    [Fact]
    public void Asked_whether_anything_matches_a_count_stops_after_the_first_segment_holding_a_match()
    {
        using var lease = harness.Index.Acquire();
        var searcher = lease.Searcher;
        var query = new UserQueryBuilder(harness.Analyzers).Build("dark", searcher).Query;

        var full = BestMatches.CountAbove(searcher, query, Available, int.MaxValue - 1, workers: 1);
        var any = BestMatches.CountAbove(searcher, query, Available, 0, workers: 1);

        Assert.True(full.SegmentsRead >= 3, $"the word must match in several segments, read {full.SegmentsRead}");
        Assert.Equal(BestMatches.Of(searcher, query, Available, best: 1).Count, full.Count);
        Assert.Equal(1, any.SegmentsRead);
        Assert.InRange(any.Count, 1, full.Count);
    }

    [Fact]
    public void The_least_important_word_is_the_one_exact_counts_choose_with_fewer_segments_read()
    {
        var readByExactCounts = 0;
        var readByBoundedCounts = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = string.Join(' ', Enumerable.Range(0, random.Next(2, 5)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            using var lease = harness.Index.Acquire();
            var searcher = lease.Searcher;
            var typed = new UserQueryBuilder(harness.Analyzers).Build(text, searcher);
            var clauses = ((BooleanQuery)typed.Query).Clauses;
            Query Alone(int i) => new BooleanQuery(disableCoord: true) { { clauses[i].Query, Occur.MUST } };
            var words = Enumerable.Range(0, typed.Words.Count).Where(i => !typed.Words[i].IsStopWord).ToList();
            var counts = new WordCounts(Alone, searcher, Available);

            while (words.Count > 1)
            {
                var exact = words.ToDictionary(i => i, i => BestMatches.CountAbove(searcher, Alone(i), Available, int.MaxValue - 1));
                readByExactCounts += exact.Values.Sum(c => c.SegmentsRead);
                var expected = words.OrderBy(i => exact[i].Count).ThenByDescending(i => i).First();

                var least = counts.Least(words);

                Assert.Equal(expected, least);
                words.Remove(least);
            }

            readByBoundedCounts += counts.SegmentsRead;
        }, iter: 200);

        Assert.True(readByBoundedCounts < readByExactCounts, $"bounded counts read {readByBoundedCounts} segments, exact ones {readByExactCounts}");
    }
}
