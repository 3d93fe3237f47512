using Lucene.Net.Index;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// Decodes a merged segment's columns on the merge thread, before the merge is swapped into the live index.
/// Without it the first search on the refreshed reader (often the one waiting for an edit to show) decodes
/// every column of the merged segment, which at 1M titles can hold most of the catalog.
/// </summary>
internal sealed class SegmentColumnsWarmer : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader reader) => SegmentColumns.Warm(reader);
}
