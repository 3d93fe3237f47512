using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Http;

/// <summary>
/// schema.graphql at the repository root is the live schema's SDL. Run with CATALOG_UPDATE_SCHEMA=1 to
/// rewrite the file after an intended schema change (then review and commit the diff).
/// </summary>
public sealed class SchemaSnapshotTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task Schema_graphql_matches_the_live_schema()
    {
        var path = RepositoryRoot.File("schema.graphql");
        var live = SchemaSdl.Print(api.Services.GetRequiredService<ISchema>());

        if (Environment.GetEnvironmentVariable("CATALOG_UPDATE_SCHEMA") == "1")
            await File.WriteAllTextAsync(path, live);

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with CATALOG_UPDATE_SCHEMA=1 to create it.");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(committed == live,
            "schema.graphql differs from the live schema; if the change is intended, rerun with CATALOG_UPDATE_SCHEMA=1 and commit the file.");
    }

    [Fact]
    public void Sdl_has_the_query_root()
    {
        var sdl = SchemaSdl.Print(api.Services.GetRequiredService<ISchema>());

        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
        Assert.EndsWith("\n", sdl, StringComparison.Ordinal);
    }
}
