using Catalog.Core.Titles;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// A real index written in several unmerged segments, with every title first indexed in an outdated
/// version and then replaced (deleted documents in older segments), so global ordinals, per-segment
/// columns and live-docs handling are exercised the way a long-running index exercises them.
/// </summary>
public sealed class SegmentedIndex : ISearcherSource, IDisposable
{
    private readonly string path = System.IO.Directory.CreateTempSubdirectory("catalog-segmented-").FullName;
    private readonly MappedFileDirectory directory;
    private readonly SearcherManager searchers;

    public SegmentedIndex(IReadOnlyList<Title> titles, int segmentSize)
    {
        directory = new MappedFileDirectory(path);
        var config = IndexWriterSettings.Create(Analyzers, OpenMode.CREATE);
        config.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
        using (var writer = new IndexWriter(directory, config))
        {
            // The first segment keeps live documents, or Lucene would drop it once all its documents are deleted.
            foreach (var title in titles)
                writer.AddDocument(TitleDocumentBuilder.Build(Outdated(title)));
            foreach (var batch in titles.Chunk(segmentSize))
            {
                foreach (var title in batch)
                    writer.UpdateDocument(TitleDocumentBuilder.IdTerm(title.Id), TitleDocumentBuilder.Build(title));
                writer.Commit();
            }
        }

        searchers = new SearcherManager(directory, CatalogSearcherFactory.Instance);
    }

    public CatalogAnalyzers Analyzers { get; } = new();

    public int SegmentCount
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.Leaves.Count;
        }
    }

    public SearcherLease Acquire() => new((CatalogSearcher)searchers.Acquire(), searchers.Release);

    public void Dispose()
    {
        searchers.Dispose();
        directory.Dispose();
        Analyzers.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
    }

    private static Title Outdated(Title title) => new()
    {
        Id = title.Id, Name = "outdated " + title.Name, AddedAt = title.AddedAt, Tags = ["stale-tag"], Genres = ["Stale"],
        RatingSum = 1, RatingCount = 1,
    };
}
