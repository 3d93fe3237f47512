using System.Globalization;
using Catalog.Core;
using Xunit.Abstractions;

namespace Catalog.Search.Tests.Relevance;

/// <summary>
/// How <see cref="FallbackOptions.RelatedMinShare"/> was chosen: the related titles of judged weak searches of the sample
/// catalog (related-judgments.tsv: 1 = a viewer sees why it is there, 0 = a stranger), precision and recall of the
/// related titles at each share. The table is printed; the default must keep the figures of docs/search-fallbacks.md.
/// </summary>
public sealed class RelatedPrecisionTests(SampleCatalogSearch fixture, ITestOutputHelper output) : IClassFixture<SampleCatalogSearch>
{
    private static readonly double[] Shares = [0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8];

    [Fact]
    public void The_default_share_keeps_most_related_titles_and_drops_most_strangers()
    {
        var judged = Judgments();
        var relevant = judged.Count(j => j.Value);
        var figures = Shares.ToDictionary(share => share, share => Measure(judged, share));
        output.WriteLine("share\tshown\trelated\tprecision\trecall");
        foreach (var (share, (shown, related)) in figures)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{share:0.00}\t{shown}\t{related}\t{(double)related / shown:0.000}\t{(double)related / relevant:0.000}"));

        var (defaultShown, defaultRelated) = figures[new FallbackOptions().RelatedMinShare];
        var (allShown, allRelated) = figures[0];
        Assert.True((double)defaultRelated / defaultShown >= 0.84, $"precision {defaultRelated}/{defaultShown}");
        Assert.True((double)defaultRelated / relevant >= 0.85, $"recall {defaultRelated}/{relevant}");
        Assert.True((double)allRelated / allShown < 0.7, "without the share the strangers must show (else the judgments test nothing)");
    }

    private (int Shown, int Related) Measure(Dictionary<(string Query, string Id), bool> judged, double share)
    {
        var harness = fixture.Harness;
        var before = harness.Options.Fallbacks.RelatedMinShare;
        harness.Options.Fallbacks.RelatedMinShare = share;
        try
        {
            var shown = judged.Keys.Select(k => k.Query).Distinct()
                .SelectMany(query => harness.Find(query).RelatedTitleIds.Select(id => (query, id)))
                .ToList();
            // A title nobody judged counts as a stranger: the judgments cover every title shown at any share above.
            return (shown.Count, shown.Count(k => judged.GetValueOrDefault(k)));
        }
        finally
        {
            harness.Options.Fallbacks.RelatedMinShare = before;
        }
    }

    private static Dictionary<(string Query, string Id), bool> Judgments() =>
        File.ReadLines(Path.Combine(SampleCatalogSearch.RepoRoot, "tests", "Catalog.Search.Tests", "Relevance", "related-judgments.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(f => (f[0], f[1]), f => f[2] == "1");
}
