using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Analysis;

/// <summary>
/// Replays <see cref="RecordedTokens"/> as a token stream, for a field whose values were analysed once
/// already. One instance belongs to one reusable field object; <see cref="Load"/> points it at the next
/// document's values. Several values replay as one stream positioned exactly as the index positions one
/// field instance per value: each later value starts <see cref="ChainAnalyzer.ValueGap"/> positions plus the
/// previous value's end increment further on (and its offsets a character past the previous value's end, as
/// the index's offset gap puts them). One field instance per title instead of one per person or tag saves
/// the index its per-instance work (field lookup, stream set-up and end) for every value.
/// </summary>
internal sealed class RecordedTokenStream : TokenStream
{
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute increment;
    private readonly IOffsetAttribute offset;
    private readonly List<RecordedTokens> values = [];
    private int value;
    private int next;
    private int pendingIncrement; // positions the next token moves on beyond its own increment
    private int offsetBase;

    public RecordedTokenStream()
    {
        term = AddAttribute<ICharTermAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>
    /// True when <paramref name="tokens"/> can follow another value in one stream: a value whose first token
    /// stacks on the previous position (increment 0) would count as an overlap in a field instance of its own,
    /// which a joined stream cannot reproduce.
    /// </summary>
    public static bool CanFollow(RecordedTokens tokens) => tokens.Count == 0 || tokens.Increments[0] > 0;

    /// <summary>Replays several values as one field instance would see them one after the other (see <see cref="CanFollow"/>).</summary>
    public void Load(IEnumerable<RecordedTokens> recorded)
    {
        values.Clear();
        values.AddRange(recorded);
        Reset();
    }

    public override void Reset()
    {
        base.Reset();
        value = 0;
        next = 0;
        pendingIncrement = 0;
        offsetBase = 0;
    }

    public override bool IncrementToken()
    {
        while (value < values.Count && next == values[value].Count)
            FinishValue();
        if (value == values.Count)
            return false;
        var tokens = values[value];
        ClearAttributes();
        var chars = tokens.Terms[next];
        term.CopyBuffer(chars, 0, chars.Length);
        increment.PositionIncrement = tokens.Increments[next] + pendingIncrement;
        pendingIncrement = 0;
        offset.SetOffset(offsetBase + tokens.Starts[next], offsetBase + tokens.Ends[next]);
        next++;
        return true;
    }

    public override void End()
    {
        base.End();
        while (value < values.Count)
            FinishValue();
        increment.PositionIncrement = pendingIncrement;
        var end = Math.Max(0, offsetBase - 1);
        offset.SetOffset(end, end);
    }

    /// <summary>Past the current value: what the index adds after a field instance, and the gap before the next one.</summary>
    private void FinishValue()
    {
        var done = values[value];
        pendingIncrement += done.EndIncrement;
        offsetBase += done.EndOffset + 1;
        value++;
        next = 0;
        if (value < values.Count)
            pendingIncrement += ChainAnalyzer.ValueGap;
    }
}
