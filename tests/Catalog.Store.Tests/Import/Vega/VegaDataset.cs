using System.Reflection;

namespace Catalog.Store.Tests.Import.Vega;

/// <summary>Where the real vega-datasets movies.json is: ../shared/datasets next to the repository, or CATALOG_VEGA_MOVIES.</summary>
public static class VegaDataset
{
    public static string RepoRoot { get; } = typeof(VegaDataset).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CatalogRepoRoot").Value!;

    public static string Path { get; } = Environment.GetEnvironmentVariable("CATALOG_VEGA_MOVIES") is { Length: > 0 } configured
        ? configured
        : System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "datasets", "vega-movies.json"));

    public static void SkipUnlessPresent() =>
        Skip.IfNot(File.Exists(Path), $"vega-movies.json not found at {Path} (set CATALOG_VEGA_MOVIES)");
}
