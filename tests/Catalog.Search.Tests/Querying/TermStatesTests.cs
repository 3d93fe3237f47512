using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// Lookups through the thread's reused enumerators give what fresh ones give, term after term, in any order; postings
/// lent for a run are taken back when it ends and lent again, never while still lent.
/// </summary>
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

    [Fact]
    public void Doc_frequencies_and_prefix_scans_equal_the_readers_own()
    {
        using var lease = fixture.Harness.Index.Acquire();
        var reader = lease.Searcher.IndexReader;
        var names = AllTerms(reader, IndexFields.Name);

        foreach (var text in names.Take(200).Append("nosuchword"))
            Assert.Equal(reader.DocFreq(new Term(IndexFields.Name, text)), TermStates.DocFreq(reader, new Term(IndexFields.Name, text)));
        foreach (var prefix in names.Take(200).Select(n => n[..Math.Min(3, n.Length)]).Distinct().Append("zzzz"))
        {
            var expected = names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var found = TermStates.StartingWith(reader, IndexFields.Name, prefix, max: 5);
            Assert.Equal(expected.Count > 5, found is null);
            if (found is not null)
            {
                Assert.Equal(expected.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
                Assert.All(found, f => Assert.Equal(reader.DocFreq(new Term(IndexFields.Name, f.Key)), f.Value.DocFreq));
            }

            Assert.Equal(expected.Count > 0, TermStates.AnyStartingWith(reader, IndexFields.Name, prefix));
        }
    }

    [Fact]
    public void Postings_are_reused_only_after_their_loan_ends_and_never_outside_one()
    {
        using var lease = fixture.Harness.Index.Acquire();
        var reader = lease.Searcher.IndexReader;
        var leaf = reader.Leaves[0];
        var states = AllTerms(reader, IndexFields.Name)
            .Select(text => new Term(IndexFields.Name, text))
            .Select(term => (Term: term, State: TermStates.Build(reader, term).Get(leaf.Ord)))
            .Where(t => t.State is not null)
            .Take(3)
            .ToList();
        Assert.Equal(3, states.Count);
        DocsEnum Lend(int i) => TermStates.Docs(leaf.AtomicReader, states[i].Term, states[i].State!, DocsFlags.NONE)!.Value.Docs;

        List<DocsEnum> first;
        using (PostingsLoans.Open())
        {
            first = [Lend(0), Lend(1)];
            Assert.NotSame(first[0], first[1]);
        }

        using (PostingsLoans.Open())
        {
            var again = new[] { Lend(2), Lend(0) };
            Assert.All(again, docs => Assert.Contains(docs, first));
            Assert.NotSame(again[0], again[1]);
            Assert.Equal(Docs(leaf.AtomicReader.GetTermDocsEnum(states[2].Term)!), Docs(again[0]));
            Assert.Equal(Docs(leaf.AtomicReader.GetTermDocsEnum(states[0].Term)!), Docs(again[1]));
        }

        Assert.DoesNotContain(Lend(0), first);
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
