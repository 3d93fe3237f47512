using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// <see cref="TermContext.Build"/> and postings lookups that reuse one terms enumerator per thread, segment and
/// field: Lucene.NET's block-tree enumerator allocates its frames and FST arcs when it is created and as it
/// seeks, and a query looks up hundreds of terms in every segment (exact, prefix, typo and joined terms,
/// related values), so a fresh enumerator per term and segment made garbage collections a tenth of search
/// time. An enumerator here is only ever positioned and read within one call, so reusing it is safe; other
/// code that walks terms keeps its own enumerators.
/// </summary>
internal static class TermStates
{
    [ThreadStatic]
    private static ConditionalWeakTable<AtomicReader, Dictionary<string, TermsEnum?>>? enumerators;

    /// <summary>The term's states in every segment of the reader, as <see cref="TermContext.Build"/> gives them.</summary>
    public static TermContext Build(IndexReader reader, Term term)
    {
        var states = new TermContext(reader.Context);
        foreach (var leaf in reader.Leaves)
        {
            if (Enumerator(leaf.AtomicReader, term.Field) is { } terms && terms.SeekExact(term.Bytes))
                states.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }

        return states;
    }

    /// <summary>How many documents hold the term (deleted ones included, as <see cref="IndexReader.DocFreq(Term)"/> counts them).</summary>
    public static int DocFreq(IndexReader reader, Term term)
    {
        var docFreq = 0;
        foreach (var leaf in reader.Leaves)
        {
            if (Enumerator(leaf.AtomicReader, term.Field) is { } terms && terms.SeekExact(term.Bytes))
                docFreq += terms.DocFreq;
        }

        return docFreq;
    }

    /// <summary>
    /// The terms of <paramref name="field"/> starting with <paramref name="prefix"/>, each with its states in every segment,
    /// or null when more than <paramref name="max"/> distinct terms do.
    /// </summary>
    public static Dictionary<string, TermContext>? StartingWith(IndexReader reader, string field, string prefix, int max)
    {
        var found = new Dictionary<string, TermContext>(StringComparer.Ordinal);
        var bytes = new BytesRef(prefix);
        foreach (var leaf in reader.Leaves)
        {
            if (Enumerator(leaf.AtomicReader, field) is not { } terms || terms.SeekCeil(bytes) == TermsEnum.SeekStatus.END)
                continue;
            do
            {
                if (!StringHelper.StartsWith(terms.Term, bytes))
                    break;
                var text = terms.Term.Utf8ToString();
                if (!found.TryGetValue(text, out var states))
                {
                    if (found.Count == max)
                        return null;
                    found[text] = states = new TermContext(reader.Context);
                }

                states.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
            }
            while (terms.MoveNext());
        }

        return found;
    }

    /// <summary>Whether some term of <paramref name="field"/> starts with <paramref name="prefix"/>.</summary>
    public static bool AnyStartingWith(IndexReader reader, string field, string prefix)
    {
        var bytes = new BytesRef(prefix);
        foreach (var leaf in reader.Leaves)
        {
            if (Enumerator(leaf.AtomicReader, field) is { } terms && terms.SeekCeil(bytes) != TermsEnum.SeekStatus.END
                && StringHelper.StartsWith(terms.Term, bytes))
                return true;
        }

        return false;
    }

    /// <summary>The term's postings in one segment from its known state, and how many documents they hold; null when the segment has no such field.</summary>
    public static (DocsEnum Docs, int DocFreq)? Docs(AtomicReader segment, Term term, TermState state, DocsFlags flags)
    {
        if (Enumerator(segment, term.Field) is not { } terms)
            return null;
        terms.SeekExact(term.Bytes, state);
        return (PostingsLoans.Docs(segment, terms, flags), terms.DocFreq);
    }

    private static TermsEnum? Enumerator(AtomicReader segment, string field)
    {
        var fields = (enumerators ??= []).GetValue(segment, static _ => []);
        if (!fields.TryGetValue(field, out var terms))
            fields[field] = terms = segment.GetTerms(field)?.GetEnumerator();
        return terms;
    }
}
