using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// Postings enumerators lent for one segment's run of a query and taken back when it ends, per thread and segment.
/// A query reads a posting list per term in every segment (exact, prefix, typo and joined terms in several fields),
/// and each fresh block enumerator allocates its decoding buffers: those were a third of the bytes a search allocated,
/// and the garbage collections they caused stalled every search thread. Lucene reuses an enumerator handed back
/// to <see cref="TermsEnum.Docs(Lucene.Net.Util.IBits, DocsEnum, DocsFlags)"/> of the same segment, so a run borrows
/// them here and <see cref="Loan.Dispose"/> returns them: an enumerator is never used after its run.
/// Outside a loan nothing is pooled.
/// </summary>
internal static class PostingsLoans
{
    /// <summary>Free enumerators kept per thread and segment: enough for the terms of a typical query, a bounded few KB each.</summary>
    private const int MaxFreePerSegment = 48;

    [ThreadStatic]
    private static Pool? pool;

    /// <summary>Starts lending on this thread until the loan is disposed (loans nest).</summary>
    public static Loan Open() => new((pool ??= new Pool()).Lent.Count, pool);

    /// <summary>The term's postings, reusing a free enumerator of the segment when a loan is open.</summary>
    public static DocsEnum Docs(AtomicReader segment, TermsEnum positioned, DocsFlags flags)
    {
        if (pool is not { Depth: > 0 } open)
            return positioned.Docs(segment.LiveDocs, null, flags);
        var free = open.FreeOf(segment);
        var docs = positioned.Docs(segment.LiveDocs, free.Count > 0 ? free.Pop() : null, flags);
        open.Lent.Add((free, docs));
        return docs;
    }

    public readonly struct Loan : IDisposable
    {
        private readonly int from;
        private readonly Pool owner;

        internal Loan(int from, Pool owner)
        {
            this.from = from;
            this.owner = owner;
            owner.Depth++;
        }

        public void Dispose()
        {
            for (var i = from; i < owner.Lent.Count; i++)
            {
                var (free, docs) = owner.Lent[i];
                if (free.Count < MaxFreePerSegment)
                    free.Push(docs);
            }

            owner.Lent.RemoveRange(from, owner.Lent.Count - from);
            owner.Depth--;
        }
    }

    internal sealed class Pool
    {
        private readonly ConditionalWeakTable<AtomicReader, Stack<DocsEnum>> free = [];

        public List<(Stack<DocsEnum> Free, DocsEnum Docs)> Lent { get; } = [];

        public int Depth { get; set; }

        public Stack<DocsEnum> FreeOf(AtomicReader segment) => free.GetValue(segment, static _ => new Stack<DocsEnum>());
    }
}
