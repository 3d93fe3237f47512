using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Parsing;

/// <summary>A term query whose per-segment lookup is done (the query's weight reuses it) and the titles holding the term.</summary>
internal readonly record struct HeldTerm(TermQuery Query, int DocFreq);

/// <summary>A query word's exact terms in name, tags and people, looked up once per segment.</summary>
internal sealed record ExactTerms(HeldTerm Name, HeldTerm Tags, HeldTerm People)
{
    /// <summary>Titles matching the word exactly in its most common field (a lower bound of all matching it).</summary>
    public int MaxDocFreq => Math.Max(Name.DocFreq, Math.Max(Tags.DocFreq, People.DocFreq));

    public static ExactTerms Of(IndexReader reader, string word) =>
        new(Lookup(reader, IndexFields.Name, word), Lookup(reader, IndexFields.TagsText, word), Lookup(reader, IndexFields.People, word));

    /// <summary>
    /// The term's states in every segment; a query built on them skips that lookup when the searcher's
    /// reader is <paramref name="reader"/> (it looks again on any other reader).
    /// </summary>
    public static HeldTerm Lookup(IndexReader reader, string field, string text)
    {
        var term = new Term(field, text);
        return Held(term, TermStates.Build(reader, term));
    }

    /// <summary>A query of the term whose per-segment <paramref name="states"/> are already known.</summary>
    public static HeldTerm Held(Term term, TermContext states) => new(new StatedTermQuery(term, states), states.DocFreq);

    /// <summary>The per-segment states a query of <see cref="Lookup"/> carries, when it was built on <paramref name="reader"/>.</summary>
    public static TermContext? StatesOf(TermQuery query, IndexReader reader) =>
        query is StatedTermQuery { States: var states } && states.TopReaderContext == reader.Context ? states : null;

    /// <summary>
    /// Lucene keeps a term query's states to itself; this one shows them to the term-at-a-time search (a clone, as a
    /// rewrite may make, keeps them too).
    /// </summary>
    private sealed class StatedTermQuery : TermQuery
    {
        public StatedTermQuery(Term term, TermContext states)
            : base(term, states) => States = states;

        public TermContext States { get; }
    }
}
