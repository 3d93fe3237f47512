using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Analysis;

/// <summary>
/// Words plus every adjacent pair joined ("spider man" → spider, spiderman, man) and, with
/// <c>prefixes</c>, every leading edge of those tokens (1 to <see cref="AnalysisChains.MaxPrefix"/> code
/// points) stacked on the token's position. Without prefixes it emits exactly what a two-word
/// ShingleFilter (no separator, empty filler, unigrams kept) emitted — including its handling of position
/// gaps (words over 255 characters) — and with prefixes what an EdgeNGramTokenFilter after it put into a
/// positions-free field: the same terms and the same length norm, minus the prefixes a joined pair repeats
/// from its first word on the same position. It rewrites the term attribute in place instead of
/// capturing and cloning attribute state per token, which made those two filters most of the indexing time.
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
    private int previousCodePoints;
    private int previousStart;
    private bool hasPrevious;
    private bool previousIsGap;

    private int pendingCount;
    private int pendingIndex;
    private bool started; // emitting prefixes of pending[pendingIndex]
    private bool firstPrefix;
    private int prefixLength; // code points of the prefix emitted last
    private int prefixEnd; // its length in chars
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
        started = false;
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
                Queue(0, previousStart, endOffset, previousCodePoints).Append(previous, previousLength);
            return pendingCount > 0;
        }

        var start = offsetAttribute.StartOffset;
        var end = offsetAttribute.EndOffset;
        if (incrementAttribute.PositionIncrement > 1)
        {
            // One filler position (empty, zero width at the word's start) stands for the whole gap.
            if (hasPrevious && !previousIsGap)
                Queue(0, previousStart, start, previousCodePoints).Append(previous, previousLength);
            hasPrevious = true;
            previousIsGap = true;
            previousLength = 0;
            previousCodePoints = 0;
            previousStart = start;
        }

        if (hasPrevious)
            Queue(previousIsGap ? 1 : 0, previousStart, end, previousCodePoints).Append(previous, previousLength).Append(termAttribute.Buffer, termAttribute.Length);
        Queue(1, start, end, 0).Append(termAttribute.Buffer, termAttribute.Length);

        if (previous.Length < termAttribute.Length)
            previous = new char[Math.Max(termAttribute.Length, previous.Length * 2)];
        Array.Copy(termAttribute.Buffer, previous, termAttribute.Length);
        previousLength = termAttribute.Length;
        previousCodePoints = CodePoints(previous, previousLength);
        previousStart = start;
        hasPrevious = true;
        previousIsGap = false;
        return true;
    }

    /// <param name="repeated">
    /// Code points at the token's start that the previous word (stacked on the same position) had: their
    /// prefixes were emitted with it, and repeating a term on one position changes nothing in a field
    /// that stores neither positions nor frequencies (overlapping tokens do not count in the length norm).
    /// </param>
    private PendingToken Queue(int increment, int start, int end, int repeated)
    {
        var token = pending[pendingCount++];
        token.Set(increment, start, end, increment == 0 ? repeated : 0);
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

        if (!started)
        {
            started = true;
            firstPrefix = true;
            prefixLength = 0;
            prefixEnd = 0;
            while (prefixLength < token.Repeated && prefixEnd < token.Length)
                Advance(token);
        }

        if (prefixLength >= AnalysisChains.MaxPrefix || prefixEnd == token.Length)
        {
            // Done with this token; a token without any prefix passes its position on to the next one.
            if (firstPrefix)
                carriedIncrement += token.Increment;
            started = false;
            pendingIndex++;
            return false;
        }

        Advance(token);
        Write(token, prefixEnd, firstPrefix ? carriedIncrement + token.Increment : 0);
        if (firstPrefix)
            carriedIncrement = 0;
        firstPrefix = false;
        return true;
    }

    /// <summary>Extends the prefix by one code point.</summary>
    private void Advance(PendingToken token)
    {
        var chars = token.Chars;
        prefixEnd += char.IsHighSurrogate(chars[prefixEnd]) && prefixEnd + 1 < token.Length && char.IsLowSurrogate(chars[prefixEnd + 1]) ? 2 : 1;
        prefixLength++;
    }

    private static int CodePoints(char[] chars, int length)
    {
        var count = 0;
        for (var i = 0; i < length; i++, count++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < length && char.IsLowSurrogate(chars[i + 1]))
                i++;
        }

        return count;
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

        public int Repeated { get; private set; }

        public void Set(int increment, int start, int end, int repeated)
        {
            Increment = increment;
            Start = start;
            End = end;
            Repeated = repeated;
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
