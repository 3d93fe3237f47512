using Catalog.Search.Analysis;
using Lucene.Net.Index;

namespace Catalog.Search.Indexing;

/// <summary>The one IndexWriter configuration every index of the catalog is written with.</summary>
public static class IndexWriterSettings
{
    /// <summary>The fewest buffered documents Lucene accepts as a flush trigger: any thread with documents buffered flushes.</summary>
    public const int SmallestSegment = 2;

    public static IndexWriterConfig Create(CatalogAnalyzers analyzers, OpenMode mode = OpenMode.CREATE_OR_APPEND)
    {
        var config = new IndexWriterConfig(Analysis.AnalysisChains.Version, analyzers.Index)
        {
            OpenMode = mode,
            // A full build flushes fewer, larger segments (fewer merges to pay for later); a catch-up batch never fills it.
            RAMBufferSizeMB = 256,
            // A new generation is written in bulk, where packing each large segment into a compound file
            // would copy all its bytes once more, and warming segments that merge again soon is wasted work;
            // IndexGeneration switches to the serving settings after its first commit.
            UseCompoundFile = false,
        };
        if (mode != OpenMode.CREATE)
            Serving(config);
        return config;
    }

    /// <summary>
    /// For an index that serves searches: compound files for the small catch-up segments (fewer files to sync
    /// per commit), and merged segments warmed before they go live (<see cref="Querying.Execution.SegmentColumnsWarmer"/>).
    /// </summary>
    public static void Serving(LiveIndexWriterConfig config)
    {
        config.UseCompoundFile = true;
        config.MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH;
        config.MergedSegmentWarmer = new Querying.Execution.SegmentColumnsWarmer();
    }
}
