using Catalog.Search.Querying.Filtering;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// A collector that <see cref="TermAtATimeSearch"/> first hands a segment's whole set of matches, after
/// <see cref="ICollector.SetNextReader"/>, and then those of them it asks for one by one with their scores:
/// work that needs no score (facet counts) can then run column by column over the set.
/// </summary>
internal interface IMatchSetCollector : ICollector
{
    /// <summary>
    /// Takes the segment's matches, every one of them passing <paramref name="acceptedBy"/> (null: no filter was
    /// applied); returns those to collect one by one, and whether each of them is a hit that goes on to the search's
    /// hit collector as it is.
    /// </summary>
    (FixedBitSet Docs, bool AllHits) Take(FixedBitSet matches, DocValuesFilter? acceptedBy);
}
