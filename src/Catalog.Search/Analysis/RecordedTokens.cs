using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Analysis;

/// <summary>
/// What an analysis chain produced for one value, kept so it can be replayed into the index without
/// analysing the value again (<see cref="RecordedTokenStream"/>): every token's term, position increment
/// and offsets, and the state the chain ended in. The attributes the index reads are exactly these.
/// Immutable, so one recording serves every document and thread that indexes the same value.
/// </summary>
internal sealed class RecordedTokens
{
    private RecordedTokens(char[][] terms, int[] increments, int[] starts, int[] ends, int endIncrement, int endOffset)
    {
        Terms = terms;
        Increments = increments;
        Starts = starts;
        Ends = ends;
        EndIncrement = endIncrement;
        EndOffset = endOffset;
    }

    /// <summary>No tokens (an empty value).</summary>
    public static RecordedTokens Empty { get; } = new([], [], [], [], 0, 0);

    public char[][] Terms { get; }

    public int[] Increments { get; }

    public int[] Starts { get; }

    public int[] Ends { get; }

    public int EndIncrement { get; }

    public int EndOffset { get; }

    public int Count => Terms.Length;

    /// <summary>Runs <paramref name="text"/> through <paramref name="analyzer"/>'s chain for <paramref name="field"/> and keeps what came out.</summary>
    public static RecordedTokens Record(Analyzer analyzer, string field, string text)
    {
        var terms = new List<char[]>();
        var increments = new List<int>();
        var starts = new List<int>();
        var ends = new List<int>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.Buffer.AsSpan(0, term.Length).ToArray());
            increments.Add(increment.PositionIncrement);
            starts.Add(offset.StartOffset);
            ends.Add(offset.EndOffset);
        }

        stream.End();
        return new RecordedTokens([.. terms], [.. increments], [.. starts], [.. ends], increment.PositionIncrement, offset.EndOffset);
    }
}
