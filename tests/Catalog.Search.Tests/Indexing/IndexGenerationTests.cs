using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Indexing;

public sealed class IndexGenerationTests : IDisposable
{
    private readonly IndexLayout layout = new(Path.Combine(Path.GetTempPath(), $"catalog-generation-{Guid.NewGuid():N}"));
    private readonly CatalogAnalyzers analyzers = new();

    public void Dispose()
    {
        analyzers.Dispose();
        IndexLayout.TryDelete(layout.Root);
    }

    [Fact]
    public void The_bulk_write_skips_compound_files_and_later_catch_up_segments_use_them()
    {
        var generation = IndexGeneration.CreateEmpty(layout, layout.NewGeneration(), analyzers);
        try
        {
            generation.AddAll([FixtureTitles.All[0]]);
            generation.Commit(1);
            Assert.Empty(Directory.GetFiles(generation.Path, "*.cfs"));

            generation.Upsert(FixtureTitles.All[1]);
            generation.Commit(2);
            Assert.Single(Directory.GetFiles(generation.Path, "*.cfs"));
            Assert.Equal(2, generation.DocumentCount());
        }
        finally
        {
            generation.Retire(delete: true);
        }
    }
}
