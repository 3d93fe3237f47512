using System.Numerics;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// The documents of a bit set in order, a word at a time (<c>foreach (var doc in new SetBits(docs))</c>, nothing
/// allocated): the loops over a whole match set (facet counts, filters, competitive scores) share it. Bits
/// cleared during the walk from the word being walked are still visited.
/// </summary>
internal ref struct SetBits(FixedBitSet bits)
{
    private readonly long[] words = bits.GetBits();
    private readonly int wordCount = FixedBitSet.Bits2words(bits.Length);
    private int index = -1;
    private ulong word;

    public int Current { get; private set; }

    public readonly SetBits GetEnumerator() => this;

    public bool MoveNext()
    {
        while (word == 0)
        {
            if (++index >= wordCount)
                return false;
            word = (ulong)words[index];
        }

        Current = (index << 6) + BitOperations.TrailingZeroCount(word);
        word &= word - 1;
        return true;
    }
}
