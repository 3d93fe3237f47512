using Catalog.Core.Search;
using Catalog.Search.Querying.Facets;
using CsCheck;
using Lucene.Net.Util;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// A segment's documents counted at once, column by column or (few values, many documents) by intersecting each
/// value's documents, give the counts of counting them one by one, for single- and multi-valued fields.
/// </summary>
public sealed class FacetCountsTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    [Fact]
    public void Counting_a_set_at_once_either_way_counts_what_counting_each_document_counts()
    {
        using var lease = fixture.Harness.Index.Acquire();
        var reader = lease.Searcher.IndexReader;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            foreach (var field in Enum.GetValues<FacetField>().Select(FacetFields.IndexField))
            {
                var oneByOne = new FacetCounts(lease.Searcher, field);
                var byColumn = new FacetCounts(lease.Searcher, field);
                var byValue = new FacetCounts(lease.Searcher, field);
                foreach (var leaf in reader.Leaves)
                {
                    var docs = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                    for (var doc = 0; doc < docs.Length; doc++)
                    {
                        if (random.Next(3) == 0)
                            docs.Set(doc);
                    }

                    foreach (var counts in new[] { oneByOne, byColumn, byValue })
                        counts.SetSegment(leaf);
                    for (var doc = docs.NextSetBit(0); doc >= 0; doc = doc + 1 < docs.Length ? docs.NextSetBit(doc + 1) : -1)
                        oneByOne.Count(doc);
                    byColumn.CountAll(docs, count: 0);
                    byValue.CountAll(docs, count: int.MaxValue / 8);
                }

                Assert.Equal(oneByOne.Counts, byColumn.Counts);
                Assert.Equal(oneByOne.Counts, byValue.Counts);
            }
        }, iter: 50);
    }
}
