using System.Text;
using Catalog.Store.Import;
using Catalog.Store.Import.CatalogJson;
using Catalog.Store.Tests.Import;

namespace Catalog.Store.Tests.Sample;

/// <summary>The sample catalog as derived from vega-movies.json, and the import summary behind it.</summary>
public sealed record DerivedSample(string Json, ImportSummary Vega);

/// <summary>
/// Builds data/catalog.json from vega-movies.json: the vega source's parsing and repairs run through
/// the real importer (clock at the sample's as-of), then the synthesised schedule is applied and the
/// titles are written as catalog-json, ordered by id.
/// </summary>
public static class SampleCatalogDerivation
{
    public static string CommittedPath => Path.Combine(Import.Vega.VegaDataset.RepoRoot, "data", "catalog.json");

    public static async Task<DerivedSample> DeriveAsync(string vegaMoviesPath)
    {
        await using var harness = await ImportHarness.CreateAsync(SampleSchedule.AsOf);
        var summary = await harness.ImportAsync(vegaMoviesPath, "vega-movies");
        var titles = await harness.TitlesAsync();
        foreach (var title in titles)
            SampleSchedule.Apply(title);
        var json = await CatalogJsonWriter.ToStringAsync(titles, SampleSchedule.AsOf);
        return new DerivedSample(json, summary);
    }

    /// <summary>Repairs and drops by kind, for data/README.md.</summary>
    public static string Describe(ImportSummary summary)
    {
        var text = new StringBuilder();
        text.AppendLine($"inserted {summary.Inserted}, skipped {summary.Skipped}, rejected {summary.Rejected.Count}, warnings {summary.Warnings.Count}");
        foreach (var group in summary.Warnings.GroupBy(w => Kind(w.Reason)).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine($"  {group.Key}: {group.Count()}");
        foreach (var issue in summary.Rejected.Concat(summary.Warnings.Where(w => w.Reason.Contains("dropped", StringComparison.Ordinal) || w.Reason.Contains("duplicate", StringComparison.Ordinal))))
            text.AppendLine($"  record {issue.Record} \"{issue.Name}\": {issue.Reason}");
        return text.ToString();
    }

    private static string Kind(string reason) =>
        reason.Contains("two-digit-year", StringComparison.Ordinal) ? "release date a century late, read 100 years earlier"
        : reason.Contains("character encoding", StringComparison.Ordinal) ? "broken character encoding repaired"
        : reason.StartsWith("Title is the JSON number", StringComparison.Ordinal) ? "numeric title read as text"
        : reason.Contains("article at the end", StringComparison.Ordinal) ? "trailing article moved to the front"
        : reason.Contains("repeats its release year", StringComparison.Ordinal) ? "release year removed from the name"
        : reason.Contains("duplicate", StringComparison.Ordinal) ? "duplicate record skipped"
        : reason;
}
