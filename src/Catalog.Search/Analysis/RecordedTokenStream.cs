using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Analysis;

/// <summary>
/// Replays <see cref="RecordedTokens"/> as a token stream, for a field whose value was analysed once
/// already. One instance belongs to one reusable field object; <see cref="Load"/> points it at the next value.
/// </summary>
internal sealed class RecordedTokenStream : TokenStream
{
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute increment;
    private readonly IOffsetAttribute offset;
    private RecordedTokens tokens = RecordedTokens.Empty;
    private int next;

    public RecordedTokenStream()
    {
        term = AddAttribute<ICharTermAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    public void Load(RecordedTokens recorded)
    {
        tokens = recorded;
        next = 0;
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }

    public override bool IncrementToken()
    {
        if (next == tokens.Count)
            return false;
        ClearAttributes();
        var chars = tokens.Terms[next];
        term.CopyBuffer(chars, 0, chars.Length);
        increment.PositionIncrement = tokens.Increments[next];
        offset.SetOffset(tokens.Starts[next], tokens.Ends[next]);
        next++;
        return true;
    }

    public override void End()
    {
        base.End();
        increment.PositionIncrement = tokens.EndIncrement;
        offset.SetOffset(tokens.EndOffset, tokens.EndOffset);
    }
}
