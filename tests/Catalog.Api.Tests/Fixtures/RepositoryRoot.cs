using System.Reflection;

namespace Catalog.Api.Tests.Fixtures;

/// <summary>The checkout the tests were built from (for files tests compare with: schema, deploy files).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } =
        typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CatalogRepoRoot").Value!;

    public static string File(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);
}
