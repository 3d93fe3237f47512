using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

/// <summary>
/// Runs a relevance query of the shape <see cref="UserQueryBuilder"/> builds (a coordination-free
/// boolean query of required and optional clauses, each a term, a phrase or a max-of-alternatives)
/// term at a time: every posting list is read straight into per-document score arrays and match bits,
/// and the collector then gets each matching document once, in order, with the score Lucene's scorers
/// would give it.
/// </summary>
/// <remarks>
/// Lucene 4.8 scores such a query document at a time through a heap of a dozen or more sub-scorers per
/// word (exact, prefix, joined, typo and people/tag terms in several fields) and a conjunction above
/// them: at 1,000,000 titles that machinery cost 5–20× the reading of the postings themselves, and a
/// common word matches 10^4–10^5 titles, each counted into the facets. The most selective required
/// clause is read in full; a later clause is read in full too unless the documents still in the running
/// are far fewer than its postings, in which case its scorers leap to them (as a conjunction would).
/// Scores are sums and maxima of the same per-term scores, only added in another order (last-bit float
/// differences). A query of another shape returns false and is left to Lucene.
/// </remarks>
internal static class TermAtATimeSearch
{
    /// <summary>Leap to the candidates when they are at most this share of a clause's postings.</summary>
    private const int LeapRatio = 8;

    /// <summary>The query prepared for term-at-a-time runs, or null when it has another shape.</summary>
    public static Prepared? Prepare(IndexSearcher searcher, Query query) => Prepared.Of(searcher, query);

    /// <summary>A compiled query: its weights are built once for a search and, when scores were left partial, the page's rescoring.</summary>
    public sealed class Prepared
    {
        private readonly IndexSearcher searcher;
        private readonly List<(Node Node, Role Role)> clauses;

        private Prepared(IndexSearcher searcher, List<(Node Node, Role Role)> clauses)
        {
            this.searcher = searcher;
            this.clauses = clauses;
        }

        internal static Prepared? Of(IndexSearcher searcher, Query query) =>
            Compile(searcher, query) is { } clauses ? new Prepared(searcher, clauses) : null;

        /// <summary>
        /// Collects every match <paramref name="accepted"/> lets through (the others are dropped before the clauses
        /// after the first are read; a null matcher of the filter accepts nothing). The clauses that only add to
        /// scores are read only for the documents <paramref name="ranked"/> lets through when it is given: the
        /// collector may count the others but never ranks them. Without <paramref name="optionalScores"/> the optional clauses (stop words, the
        /// exact-name and phrase boosts) are not read when a clause is required: they never change which
        /// documents match, only their scores, which an order other than relevance does not use (see <see cref="Rescore"/>).
        /// </summary>
        public void Search(ICollector collector, bool optionalScores, DocValuesFilter? accepted = null, DocValuesFilter? ranked = null)
        {
            var score = new CurrentScore();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var accepts = accepted?.Matcher(leaf.AtomicReader);
                if (accepted is not null && accepts is null)
                    continue;
                collector.SetNextReader(leaf);
                collector.SetScorer(score);
                var ranks = ranked is null ? null : ranked.Matcher(leaf.AtomicReader) ?? (_ => false);
                new SegmentRun(leaf, clauses).Collect(collector, score, optionalScores, accepts, ranks);
            }
        }

        /// <summary>Gives the hits their full scores (every clause read, only for these documents).</summary>
        public void Rescore(IEnumerable<ScoreDoc> hits)
        {
            var leaves = searcher.IndexReader.Leaves;
            foreach (var group in hits.GroupBy(hit => ReaderUtil.SubIndex(hit.Doc, leaves)))
            {
                var leaf = leaves[group.Key];
                var only = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                foreach (var hit in group)
                    only.Set(hit.Doc - leaf.DocBase);
                var scores = new SegmentRun(leaf, clauses).Scores(only);
                foreach (var hit in group)
                    hit.Score = scores[hit.Doc - leaf.DocBase];
            }
        }
    }

    private static List<(Node Node, Role Role)>? Compile(IndexSearcher searcher, Query query)
    {
        if (query is not BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0 } boolean || boolean.Clauses.Count == 0)
            return null;
        var nodes = new List<(Node Node, bool Required)>();
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur == Occur.MUST_NOT || Compile(searcher, clause.Query, boolean.Boost) is not { } node)
                return null;
            nodes.Add((node, clause.Occur == Occur.MUST));
        }

        var terms = nodes.Where(n => n.Node.PhraseTerms is null).SelectMany(n => n.Node.Terms()).ToHashSet();
        return [.. nodes.Select(n => (n.Node,
            n.Required ? Role.Required : n.Node.PhraseTerms?.Any(terms.Contains) == true ? Role.Boost : Role.Optional))];
    }

    /// <summary>
    /// A node with its weights normalized as Lucene would: the searcher's similarity has no query norm
    /// (norm 1), so each weight needs only the product of the boosts above it.
    /// </summary>
    private static Node? Compile(IndexSearcher searcher, Query query, float boostAbove)
    {
        if (query is DisjunctionMaxQuery max)
        {
            var children = new List<Node>();
            foreach (var disjunct in max.Disjuncts)
            {
                if (Compile(searcher, disjunct, boostAbove * max.Boost) is not { } child)
                    return null;
                children.Add(child);
            }

            return new Node(null, null, max.TieBreakerMultiplier, children, null);
        }

        if (query is TermQuery term)
            return new Node(null, ColumnTerm.Of(searcher, term, boostAbove), 0f, [], null);
        if (query is not PhraseQuery phrase)
            return null;
        var weight = searcher.Rewrite(query).CreateWeight(searcher);
        weight.GetValueForNormalization();
        weight.Normalize(1f, boostAbove);
        return new Node(weight, null, 0f, [], phrase.GetTerms());
    }

    /// <summary>A phrase (<see cref="Weight"/> set), a term or the best of its children plus a tie share of the others.</summary>
    private sealed record Node(Weight? Weight, ColumnTerm? Term, float Tie, List<Node> Children, Term[]? PhraseTerms)
    {
        public IEnumerable<Term> Terms() => Term is { } term ? [term.Term] : Children.SelectMany(child => child.Terms());
    }

    /// <summary>
    /// How a clause takes part: it must match, or it may match (a document matching only optional clauses
    /// matches when no clause is required), or it only adds to scores: an optional phrase one of whose terms
    /// is a term of another clause, so every document it matches matches that clause anyway.
    /// </summary>
    private enum Role
    {
        Required,
        Optional,
        Boost,
    }

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
        private readonly ScoreArrays arrays = ScoreArrays.ForThread(leaf.AtomicReader.MaxDoc);

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
            var candidates = new FixedBitSet(maxDoc);
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
            var kept = new FixedBitSet(maxDoc);
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
            var matched = new FixedBitSet(maxDoc);
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

                var childMatched = new FixedBitSet(maxDoc);
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

    private enum Mode
    {
        Join,
        Narrow,
        Boost,
    }

    /// <summary>The score the collector reads for the document it is given.</summary>
    private sealed class CurrentScore() : Scorer(null)
    {
        public int Doc { get; set; } = -1;

        public float Value { get; set; }

        public override int DocID => Doc;

        public override int Freq => 1;

        public override float GetScore() => Value;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 0;
    }
}
