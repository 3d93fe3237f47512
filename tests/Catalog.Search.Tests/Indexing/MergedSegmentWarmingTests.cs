using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Catalog.Search.Tests.Fixtures;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Catalog.Search.Tests.Indexing;

/// <summary>A serving index decodes a merged segment's columns before the merge goes live, not on the first search after it.</summary>
public sealed class MergedSegmentWarmingTests : IDisposable
{
    private readonly string path = System.IO.Directory.CreateTempSubdirectory("catalog-warm-").FullName;
    private readonly CatalogAnalyzers analyzers = new();

    [Theory]
    [InlineData(OpenMode.CREATE_OR_APPEND, true)]
    [InlineData(OpenMode.CREATE, false)]
    public void A_merged_segment_has_its_columns_decoded_only_when_the_writer_serves(OpenMode mode, bool warmed)
    {
        using var directory = new MappedFileDirectory(path);
        using var writer = new IndexWriter(directory, IndexWriterSettings.Create(analyzers, mode));
        // Near-real-time, as the index serves: the writer pools its segment readers, so the reader the warmer
        // saw is the one later searches get.
        DirectoryReader.Open(writer, applyAllDeletes: true).Dispose();
        foreach (var batch in FixtureTitles.All.Chunk(4))
        {
            foreach (var title in batch)
                writer.AddDocument(TitleDocumentBuilder.Build(title));
            writer.Commit();
        }

        writer.ForceMerge(1);
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        var merged = Assert.Single(reader.Leaves).AtomicReader;
        Assert.Equal(warmed, SegmentColumns.IsDecoded(merged, IndexFields.AddedAt));
        Assert.Equal(warmed, SegmentColumns.IsDecoded(merged, IndexFields.Genre));
    }

    public void Dispose()
    {
        analyzers.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
    }
}
