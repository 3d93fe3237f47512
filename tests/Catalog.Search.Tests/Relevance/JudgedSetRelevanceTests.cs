using Xunit.Abstractions;

namespace Catalog.Search.Tests.Relevance;

/// <summary>
/// Runs every judged query (judgments.tsv) through the real search over the sample catalog and guards the figures.
/// The report (table, per-category breakdown, the queries that lose most) is written to relevance-report.md in the
/// test output folder and to the test log; relevance-queries.tsv beside it holds every query's figures (diff two runs).
/// </summary>
public sealed class JudgedSetRelevanceTests(SampleCatalogSearch sample, ITestOutputHelper output) : IClassFixture<SampleCatalogSearch>
{
    // Floors a little under the run quoted in docs/relevance.md: raise them as ranking improves, never lower them.
    private const double NdcgFloor = 0.925;
    private const double MrrFloor = 0.915;
    private const double ZeroRateCeiling = 0.03;

    [Fact]
    public void The_judged_set_scores_at_least_its_floors()
    {
        var outcomes = JudgedQuery.ReadAll(SampleCatalogSearch.JudgmentsPath).Select(Run).ToList();
        var report = new RelevanceReport(outcomes);
        var markdown = report.ToMarkdown();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "relevance-report.md"), markdown);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "relevance-queries.tsv"), report.ToTsv());
        output.WriteLine(markdown);

        Assert.True(report.Overall.Ndcg >= NdcgFloor, $"nDCG@10 {report.Overall.Ndcg:0.000} < floor {NdcgFloor}");
        Assert.True(report.Overall.Mrr >= MrrFloor, $"MRR {report.Overall.Mrr:0.000} < floor {MrrFloor}");
        Assert.True(report.Overall.ZeroRate <= ZeroRateCeiling, $"zero-result rate {report.Overall.ZeroRate:0.000} > ceiling {ZeroRateCeiling}");
    }

    [Fact]
    public void Every_judged_title_is_in_the_sample_and_searchable_at_its_as_of_date()
    {
        var available = sample.Harness.Find(null).TotalCount;
        var judged = JudgedQuery.ReadAll(SampleCatalogSearch.JudgmentsPath).SelectMany(q => q.Grades.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.True(available > 3000, $"only {available} titles available");
        Assert.DoesNotContain(judged, id => !sample.Harness.Titles.Any(t => t.Id == id && IsAvailable(t)));
    }

    private static bool IsAvailable(Core.Titles.Title title) =>
        title.AddedAt <= SampleCatalogSearch.AsOf && (title.AvailableUntil is null || title.AvailableUntil > SampleCatalogSearch.AsOf);

    private QueryOutcome Run(JudgedQuery query)
    {
        var result = sample.Harness.Find(query.Text, first: QueryOutcome.Depth);
        return new QueryOutcome(query, [.. result.Hits.Select(h => h.TitleId)], result.TotalCount);
    }
}
