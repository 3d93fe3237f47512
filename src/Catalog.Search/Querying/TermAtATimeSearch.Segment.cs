using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>The per-segment half of <see cref="TermAtATimeSearch"/>: scorers bound to a segment and the evaluation into score arrays.</summary>
internal static partial class TermAtATimeSearch
{
    /// <summary>A node's scorers in one segment; null where the segment holds none of its terms.</summary>
    private sealed record Bound(Scorer? Scorer, float Tie, List<Bound> Children, long Cost)
    {
        public static Bound? Of(Node node, AtomicReaderContext leaf)
        {
            var scorer = node.Term is { } term ? ColumnTermScorer.Of(term, leaf) : node.Weight?.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (node.Weight is not null || node.Term is not null)
                return scorer is null ? null : new Bound(scorer, 0f, [], scorer.GetCost());
            var children = node.Children.Select(child => Of(child, leaf)).OfType<Bound>().ToList();
            return children.Count == 0 ? null : new Bound(null, node.Tie, children, children.Sum(c => c.Cost));
        }
    }

    /// <summary>One segment: the clauses evaluated into match bits and per-document scores, then handed over in order.</summary>
    private sealed class SegmentRun(AtomicReaderContext leaf, List<(Node Node, Role Role)> clauses)
    {
        private readonly int maxDoc = leaf.AtomicReader.MaxDoc;
        private readonly ScoreArrays arrays = ScoreArrays.ForSegment(leaf.AtomicReader.MaxDoc);

        public void Collect(ICollector collector, CurrentScore score, bool optionalScores, Predicate<int>? accepts, Predicate<int>? ranks)
        {
            if (Match(optionalScores, only: null, accepts, ranks) is not { } candidates)
                return;
            var total = arrays.Total;
            for (var doc = NextOf(candidates, 0); doc >= 0; doc = NextOf(candidates, doc + 1))
            {
                score.Doc = doc;
                score.Value = total[doc];
                collector.Collect(doc);
            }
        }

        /// <summary>The full scores of <paramref name="only"/> (valid at those documents).</summary>
        public float[] Scores(FixedBitSet only)
        {
            Match(optionalScores: true, only, accepts: null, ranks: null);
            return arrays.Total;
        }

        /// <summary>The matching documents (among <paramref name="only"/> when given), their scores in the total array; null when none can match.</summary>
        private FixedBitSet? Match(bool optionalScores, FixedBitSet? only, Predicate<int>? accepts, Predicate<int>? ranks)
        {
            var bound = clauses.Select(c => (Bound: Bound.Of(c.Node, leaf), c.Role)).ToList();
            if (bound.Any(c => c.Role == Role.Required && c.Bound is null))
                return null;
            var required = Of(bound, Role.Required).OrderBy(b => b.Cost).ToList();
            var optional = Of(bound, Role.Optional).ToList();
            var total = arrays.Total;
            var candidates = arrays.Bits(maxDoc);
            if (required.Count == 0)
            {
                foreach (var clause in optional)
                    Add(clause, only, candidates, total, Mode.Join);
                optional.Clear();
            }
            else
            {
                Add(required[0], only, candidates, total, Mode.Join);
            }

            Drop(candidates, accepts);
            foreach (var clause in required.Skip(1))
                Add(clause, candidates, candidates, total, Mode.Narrow);
            if (optionalScores)
            {
                var scored = Kept(candidates, ranks);
                foreach (var clause in optional.Concat(Of(bound, Role.Boost)))
                    Add(clause, scored, candidates, total, Mode.Boost);
            }

            return candidates;
        }

        private static IEnumerable<Bound> Of(List<(Bound? Bound, Role Role)> clauses, Role role) =>
            clauses.Where(c => c.Role == role && c.Bound is not null).Select(c => c.Bound!);

        /// <summary>The candidates <paramref name="keeps"/> keeps (all of them, the same set, when it is null).</summary>
        private FixedBitSet Kept(FixedBitSet candidates, Predicate<int>? keeps)
        {
            if (keeps is null)
                return candidates;
            var kept = arrays.Bits(maxDoc);
            for (var doc = NextOf(candidates, 0); doc >= 0; doc = NextOf(candidates, doc + 1))
            {
                if (keeps(doc))
                    kept.Set(doc);
            }

            return kept;
        }

        private static void Drop(FixedBitSet candidates, Predicate<int>? accepts)
        {
            if (accepts is null)
                return;
            for (var doc = NextOf(candidates, 0); doc >= 0; doc = NextOf(candidates, doc + 1))
            {
                if (!accepts(doc))
                    candidates.Clear(doc);
            }
        }

        /// <summary>
        /// Reads a clause (over <paramref name="restrict"/> when given) and adds its scores to <paramref name="total"/>:
        /// what it matches joins the candidates (<see cref="Mode.Join"/>), or the candidates it does not match
        /// leave (<see cref="Mode.Narrow"/>), or it only adds to the candidates' scores (<see cref="Mode.Boost"/>).
        /// </summary>
        private void Add(Bound clause, FixedBitSet? restrict, FixedBitSet candidates, float[] total, Mode mode)
        {
            var matched = arrays.Bits(maxDoc);
            var scores = arrays.Scores(0);
            Evaluate(clause, restrict, restrict?.Cardinality ?? 0, matched, scores, depth: 0);
            if (mode == Mode.Narrow)
                candidates.And(matched);
            for (var doc = NextOf(matched, 0); doc >= 0; doc = NextOf(matched, doc + 1))
            {
                if (mode == Mode.Join && !candidates.Get(doc))
                {
                    candidates.Set(doc);
                    total[doc] = scores[doc];
                }
                else if (candidates.Get(doc))
                {
                    total[doc] += scores[doc];
                }
            }
        }

        /// <summary>Writes the node's score of every document it matches (among <paramref name="restrict"/> when given) into <paramref name="into"/>.</summary>
        private void Evaluate(Bound node, FixedBitSet? restrict, int restrictCount, FixedBitSet matched, float[] into, int depth)
        {
            if (node.Scorer is { } scorer)
            {
                Read(scorer, restrict, restrictCount, (doc, value) =>
                {
                    matched.Set(doc);
                    into[doc] = value;
                });
                return;
            }

            var max = arrays.Max(depth);
            var sum = arrays.Sum(depth);
            void Fold(int doc, float value)
            {
                if (matched.Get(doc))
                {
                    max[doc] = Math.Max(max[doc], value);
                    sum[doc] += value;
                }
                else
                {
                    matched.Set(doc);
                    max[doc] = value;
                    sum[doc] = value;
                }
            }

            foreach (var child in node.Children)
            {
                if (child.Scorer is { } childScorer)
                {
                    Read(childScorer, restrict, restrictCount, Fold);
                    continue;
                }

                var childMatched = arrays.Bits(maxDoc);
                var childScores = arrays.Scores(depth + 1);
                Evaluate(child, restrict, restrictCount, childMatched, childScores, depth + 1);
                for (var doc = NextOf(childMatched, 0); doc >= 0; doc = NextOf(childMatched, doc + 1))
                    Fold(doc, childScores[doc]);
            }

            for (var doc = NextOf(matched, 0); doc >= 0; doc = NextOf(matched, doc + 1))
                into[doc] = max[doc] + ((sum[doc] - max[doc]) * node.Tie);
        }

        /// <summary>Every posting, or only those of the candidates (leaping to each) when they are far fewer.</summary>
        private static void Read(Scorer scorer, FixedBitSet? restrict, int restrictCount, Action<int, float> found)
        {
            if (restrict is not null && (long)restrictCount * LeapRatio < scorer.GetCost())
            {
                var at = scorer.DocID;
                for (var doc = NextOf(restrict, 0); doc >= 0; doc = NextOf(restrict, Math.Max(doc + 1, at)))
                {
                    if (at < doc)
                        at = scorer.Advance(doc);
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                        return;
                    if (at == doc)
                        found(doc, scorer.GetScore());
                }

                return;
            }

            int next;
            while ((next = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (restrict is null || restrict.Get(next))
                    found(next, scorer.GetScore());
            }
        }

        private static int NextOf(FixedBitSet bits, int from) => from < bits.Length ? bits.NextSetBit(from) : -1;
    }
}
