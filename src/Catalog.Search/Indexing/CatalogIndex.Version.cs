using Catalog.Core.Search;
using Lucene.Net.Index;

namespace Catalog.Search.Indexing;

/// <summary>The live index's <see cref="IIndexVersion"/>.</summary>
public sealed partial class CatalogIndex : IIndexVersion
{
    /// <summary>
    /// The reader is acquired after the sequence is read: the sequence moves just before the reader refreshes, so a
    /// version pairing a new sequence with an old reader simply goes out of use at the refresh. A caller reading this
    /// before acquiring its own searcher never gets an answer older than the version names.
    /// </summary>
    public IndexVersion? Version
    {
        get
        {
            if (Generation is not { } generation)
                return null;
            var sequence = AppliedSequence;
            using var lease = Acquire();
            return new IndexVersion(generation, sequence, lease.Searcher.IndexReader is DirectoryReader reader ? reader.Version : 0);
        }
    }
}
