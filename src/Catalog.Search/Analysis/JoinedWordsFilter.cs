using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Analysis;

/// <summary>
/// Words plus every adjacent pair joined ("spider man" → spider, spiderman, man) and, with
/// <c>prefixes</c>, every leading edge of those tokens (1 to <see cref="AnalysisChains.MaxPrefix"/> code
/// points) stacked on the token's position. It emits exactly what a two-word ShingleFilter (no separator,
/// empty filler, unigrams kept) followed by an EdgeNGramTokenFilter emitted — including their handling of
/// position gaps, which a gap-free word stream never has but Hebrew, CJK or too-long words produce — but
/// rewrites the term attribute in place instead of capturing and cloning attribute state per token, which
/// made those two filters most of the indexing time.
/// </summary>
internal sealed class JoinedWordsFilter : TokenFilter
{
    // At most three tokens come from one input word: the previous word again (closing a gap), the joined
    // pair, the word itself.
    private readonly PendingToken[] pending = [new(), new(), new()];
    private readonly ICharTermAttribute termAttribute;
    private readonly IPositionIncrementAttribute incrementAttribute;
    private readonly IOffsetAttribute offsetAttribute;
    private readonly bool prefixes;

    // The previous element of the shingle window: the last word, or the empty filler standing for a gap.
    private char[] previous = new char[32];
    private int previousLength;
    private int previousStart;
    private bool hasPrevious;
    private bool previousIsGap;

    private int pendingCount;
    private int pendingIndex;
    private int prefixLength; // code points of the current token's prefix last emitted; 0 before the first
    private int carriedIncrement;
    private bool exhausted;
    private int endIncrement;
    private int endOffset;

    public JoinedWordsFilter(TokenStream input, bool prefixes)
        : base(input)
    {
        this.prefixes = prefixes;
        termAttribute = AddAttribute<ICharTermAttribute>();
        incrementAttribute = AddAttribute<IPositionIncrementAttribute>();
        offsetAttribute = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (pendingIndex < pendingCount)
            {
                if (EmitPending())
                    return true;
                continue;
            }

            if (exhausted || !ReadNext())
                return false;
        }
    }

    public override void End()
    {
        if (!exhausted)
        {
            base.End();
            return;
        }

        // The state the input ended in (read already, when the last window was closed).
        ClearAttributes();
        incrementAttribute.PositionIncrement = endIncrement;
        offsetAttribute.SetOffset(endOffset, endOffset);
    }

    public override void Reset()
    {
        base.Reset();
        hasPrevious = false;
        previousIsGap = false;
        pendingCount = 0;
        pendingIndex = 0;
        prefixLength = 0;
        carriedIncrement = 0;
        exhausted = false;
    }

    /// <summary>Reads one input word and queues the tokens it completes; false at the end of the input.</summary>
    private bool ReadNext()
    {
        pendingCount = 0;
        pendingIndex = 0;
        if (!m_input.IncrementToken())
        {
            exhausted = true;
            m_input.End();
            endIncrement = incrementAttribute.PositionIncrement;
            endOffset = offsetAttribute.EndOffset;
            // A trailing gap closes the last window with the filler: the last word once more.
            if (endIncrement > 0 && hasPrevious && !previousIsGap)
                Queue(0, previousStart, endOffset).Append(previous, previousLength);
            return pendingCount > 0;
        }

        var start = offsetAttribute.StartOffset;
        var end = offsetAttribute.EndOffset;
        if (incrementAttribute.PositionIncrement > 1)
        {
            // One filler position (empty, zero width at the word's start) stands for the whole gap.
            if (hasPrevious && !previousIsGap)
                Queue(0, previousStart, start).Append(previous, previousLength);
            hasPrevious = true;
            previousIsGap = true;
            previousLength = 0;
            previousStart = start;
        }

        if (hasPrevious)
            Queue(previousIsGap ? 1 : 0, previousStart, end).Append(previous, previousLength).Append(termAttribute.Buffer, termAttribute.Length);
        Queue(1, start, end).Append(termAttribute.Buffer, termAttribute.Length);

        if (previous.Length < termAttribute.Length)
            previous = new char[Math.Max(termAttribute.Length, previous.Length * 2)];
        Array.Copy(termAttribute.Buffer, previous, termAttribute.Length);
        previousLength = termAttribute.Length;
        previousStart = start;
        hasPrevious = true;
        previousIsGap = false;
        return true;
    }

    private PendingToken Queue(int increment, int start, int end)
    {
        var token = pending[pendingCount++];
        token.Set(increment, start, end);
        return token;
    }

    /// <summary>Writes the current pending token (or its next prefix) into the attributes; false when it has nothing (left) to emit.</summary>
    private bool EmitPending()
    {
        var token = pending[pendingIndex];
        if (!prefixes)
        {
            pendingIndex++;
            Write(token, token.Length, token.Increment);
            return true;
        }

        var length = CodePointEnd(token, prefixLength);
        if (length < 0 || prefixLength == AnalysisChains.MaxPrefix)
        {
            // Done with this token; a token without any prefix passes its position on to the next one.
            if (prefixLength == 0)
                carriedIncrement += token.Increment;
            prefixLength = 0;
            pendingIndex++;
            return false;
        }

        var increment = prefixLength == 0 ? carriedIncrement + token.Increment : 0;
        if (prefixLength == 0)
            carriedIncrement = 0;
        prefixLength++;
        Write(token, length, increment);
        return true;
    }

    /// <summary>The char length of the first <paramref name="codePoints"/> + 1 code points, or -1 past the end.</summary>
    private static int CodePointEnd(PendingToken token, int codePoints)
    {
        var index = 0;
        for (var i = 0; i <= codePoints; i++)
        {
            if (index >= token.Length)
                return -1;
            index += char.IsHighSurrogate(token.Chars[index]) && index + 1 < token.Length && char.IsLowSurrogate(token.Chars[index + 1]) ? 2 : 1;
        }

        return index;
    }

    private void Write(PendingToken token, int length, int increment)
    {
        ClearAttributes();
        termAttribute.CopyBuffer(token.Chars, 0, length);
        incrementAttribute.PositionIncrement = increment;
        offsetAttribute.SetOffset(token.Start, token.End);
    }

    private sealed class PendingToken
    {
        public char[] Chars { get; private set; } = new char[32];

        public int Length { get; private set; }

        public int Increment { get; private set; }

        public int Start { get; private set; }

        public int End { get; private set; }

        public void Set(int increment, int start, int end)
        {
            Increment = increment;
            Start = start;
            End = end;
            Length = 0;
        }

        public PendingToken Append(char[] chars, int length)
        {
            if (Length + length > Chars.Length)
            {
                var grown = new char[Math.Max(Length + length, Chars.Length * 2)];
                Array.Copy(Chars, grown, Length);
                Chars = grown;
            }

            Array.Copy(chars, 0, Chars, Length, length);
            Length += length;
            return this;
        }
    }
}
