using Catalog.Search.Querying.Filtering;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>The per-segment half of <see cref="TermAtATimeSearch"/>: scorers bound to a segment and the evaluation into score arrays.</summary>
internal static partial class TermAtATimeSearch
{
    /// <summary>
    /// A node's scorers in one segment, and the most it can add to a document's score there (null when a term
    /// frequency leaves it unbounded); null where the segment holds none of its terms.
    /// </summary>
    private sealed record Bound(Scorer? Scorer, float Tie, List<Bound> Children, long Cost, float? Max)
    {
        public static Bound? Of(Node node, AtomicReaderContext leaf)
        {
            if (node.Term is { } term)
            {
                return ColumnTermScorer.Of(term, leaf) is { } termScorer
                    ? new Bound(termScorer, 0f, [], termScorer.GetCost(), term.BinaryTf ? term.Value * (term.Normed ? MaxNorm(leaf, term.Term) : 1f) : null)
                    : null;
            }

            if (node.Weight is { } weight)
            {
                return weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } phraseScorer
                    ? new Bound(phraseScorer, 0f, [], phraseScorer.GetCost(), node.PhraseValue * (node.Normed ? MaxNorm(leaf, node.PhraseTerms![0]) : 1f))
                    : null;
            }

            var children = node.Children.Select(child => Of(child, leaf)).OfType<Bound>().ToList();
            return children.Count == 0 ? null : new Bound(null, node.Tie, children, children.Sum(c => c.Cost), MaxOf(children, node.Tie));
        }

        private static float MaxNorm(AtomicReaderContext leaf, Term term) => SegmentColumns.MaxNorm(leaf.AtomicReader, term.Field);

        /// <summary>The best child's most plus the tie share of the others' (a document may match all of them).</summary>
        private static float? MaxOf(List<Bound> children, float tie)
        {
            if (children.Any(child => child.Max is null))
                return null;
            var best = children.Max(child => child.Max!.Value);
            return best + ((children.Sum(child => child.Max!.Value) - best) * tie);
        }
    }

    /// <summary>One segment: the clauses evaluated into match bits and per-document scores, then handed over in order.</summary>
    private sealed class SegmentRun(AtomicReaderContext leaf, List<(Node Node, Role Role)> clauses)
    {
        private readonly int maxDoc = leaf.AtomicReader.MaxDoc;
        private readonly ScoreArrays arrays = ScoreArrays.ForSegment(leaf.AtomicReader.MaxDoc);

        /// <summary>
        /// Collects the segment's matches; returns how many hits it withheld from the collector because they cannot be
        /// among the <paramref name="competition"/>'s best (only when the collector says all it is given are hits).
        /// </summary>
        public int Collect(
            ICollector collector, CurrentScore score, bool optionalScores, (DocValuesFilter? Filter, Action<FixedBitSet>? Retain) accepted, Action<FixedBitSet>? ranks,
            CompetitiveScores? competition)
        {
            if (Match(optionalScores, only: null, accepted.Retain, ranks, competition) is not { } candidates)
                return 0;
            var (docs, allHits) = collector is IMatchSetCollector sets ? sets.Take(candidates, accepted.Filter) : (candidates, false);
            var needed = allHits && competition is not null ? competition.Threshold : float.NegativeInfinity;
            var total = arrays.Total;
            var withheld = 0;
            foreach (var doc in new SetBits(docs))
            {
                if (total[doc] < needed)
                {
                    withheld++;
                    continue;
                }

                score.Doc = doc;
                score.Value = total[doc];
                collector.Collect(doc);
            }

            return withheld;
        }

        /// <summary>The full scores of <paramref name="only"/> (valid at those documents).</summary>
        public float[] Scores(FixedBitSet only)
        {
            Match(optionalScores: true, only, accepts: null, ranks: null, competition: null);
            return arrays.Total;
        }

        /// <summary>
        /// The matching documents (among <paramref name="only"/> when given), their scores in the total array; null when none
        /// can match. With a <paramref name="competition"/>, the clauses that only add to scores are read only for the
        /// documents that may still reach it when one of them is a phrase (the costly ones), and its best scores take in the
        /// documents scored in full (all ranked ones when no phrase).
        /// </summary>
        private FixedBitSet? Match(bool optionalScores, FixedBitSet? only, Action<FixedBitSet>? accepts, Action<FixedBitSet>? ranks, CompetitiveScores? competition)
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

            accepts?.Invoke(candidates);
            foreach (var clause in required.Skip(1))
                Add(clause, candidates, candidates, total, Mode.Narrow);
            if (optionalScores)
            {
                var scored = Kept(candidates, ranks);
                var boosts = optional.Concat(Of(bound, Role.Boost)).ToList();
                if (competition is not null && boosts.Any(b => b.Scorer is not null and not ColumnTermScorer) && boosts.All(b => b.Max is not null))
                    scored = competition.Contenders(scored, total, boosts.Sum(b => b.Max!.Value), arrays.Bits(maxDoc));
                foreach (var clause in boosts)
                    Add(clause, scored, candidates, total, Mode.Boost);
                competition?.Record(scored, total);
            }

            return candidates;
        }

        private static IEnumerable<Bound> Of(List<(Bound? Bound, Role Role)> clauses, Role role) =>
            clauses.Where(c => c.Role == role && c.Bound is not null).Select(c => c.Bound!);

        /// <summary>The candidates <paramref name="keeps"/> keeps (all of them, the same set, when it is null).</summary>
        private FixedBitSet Kept(FixedBitSet candidates, Action<FixedBitSet>? keeps)
        {
            if (keeps is null)
                return candidates;
            var kept = arrays.Bits(maxDoc);
            kept.Or(candidates);
            keeps(kept);
            return kept;
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
            foreach (var doc in new SetBits(matched))
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
                var set = new SetSink(matched, into);
                Read(scorer, restrict, restrictCount, ref set);
                return;
            }

            var fold = new FoldSink(matched, arrays.Max(depth), arrays.Sum(depth));
            foreach (var child in node.Children)
            {
                if (child.Scorer is { } childScorer)
                {
                    Read(childScorer, restrict, restrictCount, ref fold);
                    continue;
                }

                var childMatched = arrays.Bits(maxDoc);
                var childScores = arrays.Scores(depth + 1);
                Evaluate(child, restrict, restrictCount, childMatched, childScores, depth + 1);
                foreach (var doc in new SetBits(childMatched))
                    fold.Found(doc, childScores[doc]);
            }

            foreach (var doc in new SetBits(matched))
                into[doc] = fold.Max[doc] + ((fold.Sum[doc] - fold.Max[doc]) * node.Tie);
        }

        /// <summary>Every posting, or only those of the candidates (leaping to each) when they are far fewer.</summary>
        private static void Read<TSink>(Scorer scorer, FixedBitSet? restrict, int restrictCount, ref TSink sink)
            where TSink : struct, IPostingSink
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
                        sink.Found(doc, scorer.GetScore());
                }

                return;
            }

            if (scorer is ColumnTermScorer column)
            {
                column.ReadAll(restrict, ref sink);
                return;
            }

            int next;
            while ((next = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (restrict is null || restrict.Get(next))
                    sink.Found(next, scorer.GetScore());
            }
        }

        private static int NextOf(FixedBitSet bits, int from) => from < bits.Length ? bits.NextSetBit(from) : -1;
    }

    /// <summary>A leaf's postings as the document's score and its match bit.</summary>
    private readonly struct SetSink(FixedBitSet matched, float[] into) : IPostingSink
    {
        public void Found(int doc, float score)
        {
            matched.Set(doc);
            into[doc] = score;
        }
    }

    /// <summary>A child's postings folded into the best score and the sum of scores of each document.</summary>
    private readonly struct FoldSink(FixedBitSet matched, float[] max, float[] sum) : IPostingSink
    {
        public float[] Max => max;

        public float[] Sum => sum;

        public void Found(int doc, float score)
        {
            if (matched.Get(doc))
            {
                max[doc] = Math.Max(max[doc], score);
                sum[doc] += score;
            }
            else
            {
                matched.Set(doc);
                max[doc] = score;
                sum[doc] = score;
            }
        }
    }
}
