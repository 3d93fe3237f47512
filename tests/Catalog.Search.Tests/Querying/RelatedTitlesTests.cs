using Catalog.Core.Titles;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Querying.Related;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// Related titles are the titles sharing a distinctive value (held by at most 64 titles or 1/1024 of them, or
/// the seeds' rarest), ranked by every value they share; however the ranking prunes, the answer must be the one
/// a plain "more like these" ranking of those titles gives.
/// </summary>
public sealed class RelatedTitlesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly List<Title> titles = Catalog(600, new Random(20261126));
    private readonly SearchHarness harness;

    public RelatedTitlesTests() => harness = SearchHarness.Of(titles, Now);

    [Fact]
    public void Related_titles_equal_the_ranking_over_every_shared_value()
    {
        using var lease = harness.Index.Acquire();
        var searcher = lease.Searcher;
        var available = DocValuesFilter.AvailableAt(FieldValues.Instant(Now));
        Gen.Int[0, titles.Count - 1].Array[1, 3].Sample(seeds =>
        {
            var seedTitles = seeds.Select(i => titles[i]).ToList();
            var docs = seedTitles.Select(t => searcher.Search(new TermQuery(new Term(IndexFields.Id, t.Id)), 1).ScoreDocs[0].Doc).ToList();
            var excluded = seedTitles.Select(t => t.Id).ToList();

            var related = RelatedTitles.Find(searcher, docs, excluded, available, 10);

            // The same ranking, up to the order of titles whose scores differ only by float rounding.
            var ranked = Ranked(searcher, seedTitles, excluded);
            Assert.Equal(Math.Min(10, ranked.Count), related.Count);
            Assert.Equal(related.Count, related.Distinct().Count());
            for (var i = 0; i < related.Count; i++)
                Assert.Equal(ranked[i].Score, ranked.First(r => r.Id == related[i]).Score, 1e-4 * ranked[i].Score);
        }, iter: 100);
    }

    public void Dispose() => harness.Dispose();

    /// <summary>Every title sharing a distinctive value with the seeds, by its "more like these" score over all shared values.</summary>
    private static List<(float Score, string Id)> Ranked(IndexSearcher searcher, List<Title> seeds, List<string> excluded)
    {
        var terms = new List<(Term Term, float Boost)>();
        void Add(string field, IEnumerable<string> values, float boost) =>
            terms.AddRange(values.Distinct().Select(value => (new Term(field, value), boost)));

        Add(IndexFields.Person, seeds.SelectMany(t => t.Directors.Concat(t.Cast)).Select(FieldValues.Person), 1.5f);
        Add(IndexFields.Tag, seeds.SelectMany(t => t.Tags).Select(FieldValues.Tag), 1f);
        Add(IndexFields.Genre, seeds.SelectMany(t => t.Genres).Select(FieldValues.Label), 0.5f);
        var reader = searcher.IndexReader;
        var limit = Math.Max(Distinctive.MaxTitles(reader), terms.Min(t => reader.DocFreq(t.Term)));
        var like = new BooleanQuery(disableCoord: true);
        var distinctive = new BooleanQuery(disableCoord: true);
        foreach (var (term, boost) in terms)
        {
            like.Add(new TermQuery(term) { Boost = boost }, Occur.SHOULD);
            if (reader.DocFreq(term) <= limit)
                distinctive.Add(new TermQuery(term), Occur.SHOULD);
        }

        var candidates = searcher.Search(distinctive, 1000).ScoreDocs.Select(hit => hit.Doc).ToHashSet();
        return [.. searcher.Search(like, 1000).ScoreDocs
            .Where(hit => candidates.Contains(hit.Doc))
            .Select(hit => (hit.Score, Id: searcher.Doc(hit.Doc).Get(IndexFields.Id)))
            .Where(hit => !excluded.Contains(hit.Id))
            .OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Id, StringComparer.Ordinal)];
    }

    /// <summary>Titles with a few common and many rare tags and people, always available.</summary>
    private static List<Title> Catalog(int count, Random random)
    {
        string Skewed(string prefix, int pool) => $"{prefix}{(int)Math.Pow(pool, random.NextDouble())}";
        return [.. Enumerable.Range(0, count).Select(i => new Title
        {
            Id = $"t{i:D4}",
            Name = $"title {i}",
            AddedAt = Now.AddDays(-1 - random.Next(1000)),
            Genres = [.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Skewed("genre", 6)).Distinct()],
            Tags = [.. Enumerable.Range(0, random.Next(5)).Select(_ => Skewed("tag", 400)).Distinct()],
            Cast = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Skewed("person ", 300)).Distinct()],
        })];
    }
}
