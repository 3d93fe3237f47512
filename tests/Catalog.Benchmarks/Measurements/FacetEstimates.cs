using Catalog.Benchmarks.Queries;
using Catalog.Benchmarks.Reporting;
using Catalog.Benchmarks.Systems;
using Catalog.Core.Search;

namespace Catalog.Benchmarks.Measurements;

/// <summary>
/// How far the estimated facet counts (searches matching more than Catalog:Search:ExactCountLimit titles) are from the
/// exact ones on the query mix: each first-page query whose facets say they are estimates is asked again of a search
/// that counts everything, and every value shown is compared.
/// </summary>
internal static class FacetEstimates
{
    public static async Task PrintAsync(ITitleSearch estimating, ITitleSearch exact, IReadOnlyList<BenchQuery> queries, TextWriter output, CancellationToken cancellationToken)
    {
        var errors = new List<double>();
        var estimatedQueries = 0;
        var missing = 0;
        foreach (var query in queries.Where(q => q.Page == 1))
        {
            var estimate = await estimating.SearchAsync(CatalogEngine.Request(query, after: null), cancellationToken);
            if (estimate.Facets.All(facet => facet.Exact))
                continue;
            estimatedQueries++;
            var truth = await exact.SearchAsync(CatalogEngine.Request(query, after: null), cancellationToken);
            foreach (var facet in truth.Facets)
            {
                var shown = estimate.Facets.Single(f => f.Field == facet.Field).Values.ToDictionary(v => v.Value, v => v.Count);
                foreach (var value in facet.Values)
                {
                    if (shown.TryGetValue(value.Value, out var count))
                        errors.Add(Math.Abs(count - value.Count) / (double)value.Count);
                    else
                        missing++;
                }
            }
        }

        errors.Sort();
        new MarkdownTable(
                "Estimated facet counts (above the exact-count limit) against exact counts, first pages of the mix",
                "queries estimated", "values compared", "median relative error", "p95", "worst", "exact top values not among the estimated top values")
            .Row(estimatedQueries, errors.Count, Percent(At(errors, 0.5)), Percent(At(errors, 0.95)), Percent(errors.Count == 0 ? 0 : errors[^1]), missing)
            .Print(output);
    }

    private static double At(List<double> sorted, double share) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, share * sorted.Count)];

    private static string Percent(double share) => share.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);
}
