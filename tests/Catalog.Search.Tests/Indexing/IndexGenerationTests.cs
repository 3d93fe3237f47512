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

    [Fact]
    public void Closing_segments_on_the_last_batches_writes_them_before_the_commit_and_the_commit_restores_buffering()
    {
        var generation = IndexGeneration.CreateEmpty(layout, layout.NewGeneration(), analyzers);
        try
        {
            generation.AddAll([FixtureTitles.All[0], FixtureTitles.All[1]]);
            Assert.Empty(Segments(generation));

            // The indexing thread's last batch ends with its segment written, on this thread, before any commit.
            generation.CloseSegmentsOnNextBatch();
            generation.AddAll([FixtureTitles.All[2]]);
            Assert.Single(Segments(generation));

            // After the commit, catch-up edits are buffered again until the next commit, not written two at a time.
            generation.Commit(1);
            foreach (var title in FixtureTitles.All.Skip(3).Take(4))
                generation.Upsert(title);
            Assert.Single(Segments(generation));
            generation.Commit(2);
            Assert.Equal(2, Segments(generation).Length);
            Assert.Equal(7, generation.DocumentCount());
        }
        finally
        {
            generation.Retire(delete: true);
        }
    }

    private static string[] Segments(IndexGeneration generation) => Directory.GetFiles(generation.Path, "*.si");
}
