using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Analysis;

/// <summary>
/// Several exact values of one field as one token stream, each value one whole token as a
/// <c>StringField</c> gives it. For fields indexed without frequencies, positions or norms (the facet
/// filters), one field instance with every value indexes exactly what one instance per value indexes, and
/// spares the index its per-instance work (field lookup, stream set-up and end) for every value.
/// One instance belongs to one reusable field object; <see cref="Load"/> points it at the next document's values.
/// </summary>
internal sealed class ValuesTokenStream : TokenStream
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly List<string> values = [];
    private int next;

    public ValuesTokenStream()
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    public void Load(List<string> distinct)
    {
        values.Clear();
        values.AddRange(distinct);
        next = 0;
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }

    public override bool IncrementToken()
    {
        if (next == values.Count)
            return false;
        ClearAttributes();
        var value = values[next++];
        term.SetEmpty().Append(value);
        offset.SetOffset(0, value.Length);
        return true;
    }
}
