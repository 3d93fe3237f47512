using Catalog.Search.Querying.Execution;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Facets;

/// <summary>Counts sorted-set values of some fields over the collected documents. Accepts documents in any order.</summary>
internal sealed class FacetCollector(CatalogSearcher searcher, IEnumerable<string> indexFields) : ICollector
{
    private readonly FacetCounts[] fields = [.. indexFields.Select(f => new FacetCounts(searcher, f))];

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Counts by global ordinal; the ordinals are null when no document has the field.</summary>
    public (FacetOrdinals? Ordinals, int[] Counts) CountsOf(string indexField)
    {
        var counts = fields.First(f => f.Field == indexField);
        return (counts.Ordinals, counts.Counts);
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var counts in fields)
            counts.SetSegment(context);
    }

    public void Collect(int doc)
    {
        foreach (var counts in fields)
            counts.Count(doc);
    }
}
