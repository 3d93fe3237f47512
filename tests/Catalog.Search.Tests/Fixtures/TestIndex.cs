using Catalog.Core.Titles;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Catalog.Search.Tests.Fixtures;

/// <summary>
/// A real, committed Lucene index of the given titles in a temp folder (the production MappedFileDirectory, the same analyzers
/// and document builder as production), handed out as an <see cref="ISearcherSource"/>. Dispose it.
/// </summary>
public sealed class TestIndex : ISearcherSource, IDisposable
{
    private readonly MappedFileDirectory directory;
    private readonly SearcherManager searchers;

    private TestIndex(string path, IEnumerable<Title> titles)
    {
        Path = path;
        directory = new MappedFileDirectory(path);
        using (var writer = new IndexWriter(directory, IndexWriterSettings.Create(Analyzers, OpenMode.CREATE)))
        {
            foreach (var title in titles)
                writer.AddDocument(TitleDocumentBuilder.Build(title));
            writer.Commit();
        }

        searchers = new SearcherManager(directory, CatalogSearcherFactory.Instance);
    }

    /// <summary>The analyzers the index was written with (use <see cref="CatalogAnalyzers.AnalyzeQuery"/>).</summary>
    public CatalogAnalyzers Analyzers { get; } = new();

    public string Path { get; }

    public static TestIndex Create(IEnumerable<Title> titles) =>
        new(System.IO.Directory.CreateTempSubdirectory("catalog-test-index-").FullName, titles);

    /// <summary>An index of <see cref="FixtureTitles.All"/>.</summary>
    public static TestIndex WithFixtures() => Create(FixtureTitles.All);

    public SearcherLease Acquire() => new((CatalogSearcher)searchers.Acquire(), searchers.Release);

    public void Dispose()
    {
        searchers.Dispose();
        directory.Dispose();
        Analyzers.Dispose();
        System.IO.Directory.Delete(Path, recursive: true);
    }
}
