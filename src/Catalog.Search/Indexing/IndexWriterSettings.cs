using Catalog.Search.Analysis;
using Lucene.Net.Index;

namespace Catalog.Search.Indexing;

/// <summary>The one IndexWriter configuration every index of the catalog is written with.</summary>
public static class IndexWriterSettings
{
    public static IndexWriterConfig Create(CatalogAnalyzers analyzers, OpenMode mode = OpenMode.CREATE_OR_APPEND) =>
        new(Analysis.AnalysisChains.Version, analyzers.Index)
        {
            OpenMode = mode,
            RAMBufferSizeMB = 64,
        };
}
