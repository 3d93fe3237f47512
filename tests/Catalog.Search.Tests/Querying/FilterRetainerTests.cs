using Catalog.Search.Querying.Filtering;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Util;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// A filter removing the documents it rejects from a set, column by column (availability, several clauses at once),
/// keeps exactly the documents its per-document test accepts, for random filters.
/// </summary>
public sealed class FilterRetainerTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    [Fact]
    public void Removing_rejected_documents_from_a_set_keeps_what_the_per_document_test_accepts()
    {
        var harness = fixture.Harness;
        using var lease = harness.Index.Acquire();
        var reader = lease.Searcher.IndexReader;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var now = harness.Now.AddDays(random.Next(-400, 60));
            var clauses = FilterClauses.From(RandomCatalog.Filter(random), catalogMean: 6, priorVotes: harness.Options.Ranking.PriorVotes);
            var filter = FilterClauses.Combine(clauses, DocValuesFilter.AvailableAt(FieldValues.Instant(now)));
            foreach (var leaf in reader.Leaves)
            {
                var docs = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                for (var doc = 0; doc < docs.Length; doc++)
                {
                    if (random.Next(2) == 0)
                        docs.Set(doc);
                }

                var match = filter.Matcher(leaf.AtomicReader);
                var expected = Enumerable.Range(0, docs.Length).Where(doc => docs.Get(doc) && match?.Invoke(doc) == true).ToList();

                var retain = filter.Retainer(leaf.AtomicReader);
                retain?.Invoke(docs);

                Assert.Equal(match is null, retain is null);
                Assert.Equal(expected, match is null ? [] : Enumerable.Range(0, docs.Length).Where(docs.Get).ToList());
            }
        }, iter: 200);
    }
}
