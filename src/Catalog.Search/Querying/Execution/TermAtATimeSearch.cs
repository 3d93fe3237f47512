using Catalog.Search.Querying.Filtering;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

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
/// differences). A query of another shape is not prepared (null) and is left to Lucene.
/// </remarks>
internal static partial class TermAtATimeSearch
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
        /// after the first are read; a segment the filter wholly rejects is skipped). The clauses that only add to
        /// scores are read only for the documents <paramref name="ranked"/> lets through when it is given: the
        /// collector may count the others but never ranks them. Without <paramref name="optionalScores"/> the optional clauses (stop words, the
        /// exact-name and phrase boosts) are not read when a clause is required: they never change which
        /// documents match, only their scores, which an order other than relevance does not use (see <see cref="Rescore"/>).
        /// When the collector keeps only the <paramref name="best"/> documents by score from the first, a document that cannot
        /// be among them may be collected with a partial score (<see cref="CompetitiveScores"/>), and when the collector
        /// passes every document it is given on as a hit (<see cref="IMatchSetCollector"/>), a hit that cannot be among them
        /// may be withheld: returns how many were, to be added to the collector's count.
        /// </summary>
        public int Search(ICollector collector, bool optionalScores, DocValuesFilter? accepted = null, DocValuesFilter? ranked = null, int? best = null) =>
            Search([collector], optionalScores, accepted, ranked, best);

        /// <summary>
        /// <see cref="Search(ICollector, bool, DocValuesFilter?, DocValuesFilter?, int?)"/> on one worker per collector
        /// (<see cref="SearchThreads"/>): each collector is given the segments its worker read, in no set order.
        /// </summary>
        public int Search(IReadOnlyList<ICollector> collectors, bool optionalScores, DocValuesFilter? accepted = null, DocValuesFilter? ranked = null, int? best = null)
        {
            var withheld = new int[collectors.Count];
            var competitions = collectors.Select(_ => best is { } size && optionalScores ? new CompetitiveScores(size) : null).ToArray();
            var scores = collectors.Select(_ => new CurrentScore()).ToArray();
            var leaves = searcher.IndexReader.Leaves;
            SearchThreads.ForEachSegment(leaves, collectors.Count, (worker, i) =>
            {
                var leaf = leaves[i];
                var accepts = accepted?.Retainer(leaf.AtomicReader);
                if (accepted is not null && accepts is null)
                    return;
                var collector = collectors[worker];
                collector.SetNextReader(leaf);
                collector.SetScorer(scores[worker]);
                var ranks = ranked is null ? null : ranked.Retainer(leaf.AtomicReader) ?? (docs => docs.Clear(0, docs.Length));
                using (PostingsLoans.Open())
                    withheld[worker] += new SegmentRun(leaf, clauses).Collect(collector, scores[worker], optionalScores, (accepted, accepts), ranks, competitions[worker]);
            });
            return withheld.Sum();
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
                float[] scores;
                using (PostingsLoans.Open())
                    scores = new SegmentRun(leaf, clauses).Scores(only);
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

            return new Node(null, null, max.TieBreakerMultiplier, children, null, null, Normed: true);
        }

        if (query is TermQuery term)
            return new Node(null, ColumnTerm.Of(searcher, term, boostAbove), 0f, [], null, null, Normed: true);
        if (query is not PhraseQuery phrase)
            return null;
        var weight = searcher.Rewrite(query).CreateWeight(searcher);
        var squaredWeight = weight.GetValueForNormalization();
        weight.Normalize(1f, boostAbove);
        return new Node(weight, null, 0f, [], phrase.GetTerms(), PhraseValue(searcher, phrase, squaredWeight, boostAbove), Normed: !RankingRules.ScoresUnits(searcher));
    }

    /// <summary>
    /// The most a phrase adds to a document's score per unit of length norm, or null when unbounded: in a field
    /// without term frequencies (any field under <see cref="RankingRules"/>) a match scores tf 1 × weight × norm, and
    /// Lucene's TF-IDF weight, normalized by 1 under <paramref name="boostAbove"/>, is (idf × boost)² × boostAbove / boost.
    /// </summary>
    private static float? PhraseValue(IndexSearcher searcher, PhraseQuery phrase, float squaredWeight, float boostAbove) =>
        phrase.GetTerms() is [{ } first, ..] && (RankingRules.ScoresUnits(searcher) || !CatalogSimilarity.CountsFrequency(first.Field)) && phrase.Boost > 0
            ? squaredWeight / phrase.Boost * boostAbove
            : null;

    /// <summary>
    /// A phrase (<see cref="Weight"/> set, and its <see cref="PhraseValue"/>, times the length norm when <see cref="Normed"/>),
    /// a term or the best of its children plus a tie share of the others.
    /// </summary>
    private sealed record Node(Weight? Weight, ColumnTerm? Term, float Tie, List<Node> Children, Term[]? PhraseTerms, float? PhraseValue, bool Normed)
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
