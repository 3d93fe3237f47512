using Catalog.Search.Querying;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>Lookups through the thread's reused enumerators give what fresh ones give, term after term, in any order.</summary>
public sealed class TermStatesTests(RandomCatalogFixture fixture) : IClassFixture<RandomCatalogFixture>
{
    [Fact]
    public void Reused_enumerators_find_the_same_states_and_postings_as_fresh_ones()
    {
        using var lease = fixture.Harness.Index.Acquire();
        var reader = lease.Searcher.IndexReader;
        var terms = new[] { IndexFields.Name, IndexFields.TagsText, IndexFields.People }
            .SelectMany(field => AllTerms(reader, field).Select(text => new Term(field, text)))
            .Append(new Term(IndexFields.Name, "nosuchword"))
            .OrderBy(term => term.Text.Length).ThenByDescending(term => term.Text, StringComparer.Ordinal)
            .ToList();

        foreach (var term in terms)
        {
            var expected = TermContext.Build(reader.Context, term);
            var actual = TermStates.Build(reader, term);

            Assert.Equal(expected.DocFreq, actual.DocFreq);
            foreach (var leaf in reader.Leaves)
            {
                Assert.Equal(expected.Get(leaf.Ord) is null, actual.Get(leaf.Ord) is null);
                if (actual.Get(leaf.Ord) is { } state)
                    Assert.Equal(Docs(leaf.AtomicReader.GetTermDocsEnum(term)!), Docs(TermStates.Docs(leaf.AtomicReader, term, state, DocsFlags.NONE)!.Value.Docs));
            }
        }
    }

    private static List<string> AllTerms(IndexReader reader, string field)
    {
        var found = new List<string>();
        var terms = MultiFields.GetTerms(reader, field).GetEnumerator();
        while (terms.MoveNext())
            found.Add(terms.Term.Utf8ToString());
        return found;
    }

    private static List<int> Docs(DocsEnum docs)
    {
        var found = new List<int>();
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            found.Add(doc);
        return found;
    }
}
