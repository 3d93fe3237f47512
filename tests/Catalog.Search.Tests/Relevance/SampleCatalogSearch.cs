using System.Reflection;
using Catalog.Search.Tests.Querying;
using Catalog.Store.Import.CatalogJson;

namespace Catalog.Search.Tests.Relevance;

/// <summary>
/// The bundled sample catalog (data/catalog.json) read by the production catalog-json reader into a real index,
/// searched with the clock at the sample's as-of date; once per test class.
/// </summary>
public sealed class SampleCatalogSearch : IDisposable
{
    /// <summary>The sample's as-of date (data/README.md): its schedule of added and leaving dates is written around it.</summary>
    public static readonly DateTime AsOf = new(2010, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string RepoRoot { get; } = typeof(SampleCatalogSearch).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CatalogRepoRoot").Value!;

    public static string JudgmentsPath { get; } = Path.Combine(RepoRoot, "tests", "Catalog.Search.Tests", "Relevance", "judgments.tsv");

    public SearchHarness Harness { get; } = SearchHarness.Of(ReadSample(), AsOf);

    public void Dispose() => Harness.Dispose();

    private static List<Core.Titles.Title> ReadSample() =>
        [.. new CatalogJsonSource().ReadAsync(Path.Combine(RepoRoot, "data", "catalog.json")).ToBlockingEnumerable()
            .Select(record => record.Draft?.Title ?? throw new InvalidDataException($"sample record {record.Record}: {record.RejectReason}"))];
}
