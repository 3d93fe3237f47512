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
            // A full build flushes fewer, larger segments (fewer merges to pay for later); a catch-up batch never fills it.
            RAMBufferSizeMB = 256,
            // A new generation is written in bulk, where packing each large segment into a compound file
            // would copy all its bytes once more; IndexGeneration turns compound files back on after its
            // first commit, for the small catch-up segments (fewer files to sync per commit).
            UseCompoundFile = mode != OpenMode.CREATE,
        };
}
