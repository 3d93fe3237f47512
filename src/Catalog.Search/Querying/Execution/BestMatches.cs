using Catalog.Search.Querying.Filtering;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying.Execution;

/// <summary>How many documents a count found, and over how many segments it read matches.</summary>
internal readonly record struct MatchCount(int Count, int SegmentsRead);

/// <summary>The best few documents of a query under a filter and how many it matches (term at a time when the query has that shape).</summary>
internal static class BestMatches
{
    /// <remarks>Term at a time, <paramref name="workers"/> read the segments (by default what <see cref="SearchThreads"/> grants now).</remarks>
    public static (IReadOnlyList<int> Docs, int Count) Of(IndexSearcher searcher, Query query, DocValuesFilter filter, int best, int? workers = null)
    {
        var size = Math.Max(1, best);
        if (TermAtATimeSearch.Prepare(searcher, query) is not { } prepared)
        {
            var top = TopScoreDocCollector.Create(size, docsScoredInOrder: false);
            searcher.Search(RandomAccessFiltering.Apply(query, filter), top);
            return ([.. top.GetTopDocs().ScoreDocs.Take(best).Select(d => d.Doc)], top.TotalHits);
        }

        var tops = Workers(searcher, workers).Select(_ => TopScoreDocCollector.Create(size, docsScoredInOrder: false)).ToArray();
        var withheld = prepared.Search(tops, optionalScores: true, accepted: filter, best: size);
        // Ties go to the lower document, as one collector over every segment breaks them, whichever worker read which segment.
        var docs = tops.SelectMany(top => top.GetTopDocs().ScoreDocs).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(best).Select(d => d.Doc);
        return ([.. docs], tops.Sum(top => top.TotalHits) + withheld);
    }

    /// <summary>
    /// How many documents the query matches under the filter, counted only until the count passes <paramref name="limit"/>:
    /// the fallbacks only ask "more than this many?" (or "any?"), so the segments not read yet are skipped once the answer
    /// is known. A count at or below the limit is exact; one above it is at least what the query matches in the segments
    /// read (a lower bound). No scores are computed (the clauses that only add to scores are not read).
    /// </summary>
    public static MatchCount CountAbove(IndexSearcher searcher, Query query, DocValuesFilter filter, int limit, int? workers = null)
    {
        // Any count passes a negative limit (a word compared with one matching nothing): nothing to read.
        if (limit < 0)
            return new(0, 0);
        if (TermAtATimeSearch.Prepare(searcher, Deciding(query)) is not { } prepared)
            return new(Of(searcher, query, filter, best: 1).Count, searcher.IndexReader.Leaves.Count);
        var tally = new Tally();
        // A segment the filter wholly rejects is skipped before any of its postings is read.
        var untilPassed = new DocValuesFilter(
            $"until more than {limit} ({filter})",
            reader => tally.Count > limit ? null : filter.Matcher(reader),
            reader => tally.Count > limit ? null : filter.Retainer(reader));
        var counters = Workers(searcher, workers).Select(_ => new SetCounter(tally)).ToArray();
        prepared.Search(counters, optionalScores: false, accepted: untilPassed);
        return new(tally.Count, tally.Segments);
    }

    /// <summary>
    /// Whether the query matches more than <paramref name="limit"/> documents under the filter: not when its terms' document
    /// frequencies say it cannot (<see cref="HoldsAtMost"/>), else counted until the count passes the limit (<see cref="CountAbove"/>).
    /// </summary>
    public static bool MatchesMoreThan(IndexSearcher searcher, Query query, DocValuesFilter filter, int limit) =>
        !HoldsAtMost(searcher.IndexReader, query, limit) && CountAbove(searcher, query, filter, limit).Count > limit;

    /// <summary>
    /// Whether the query's terms' document frequencies (deleted documents included) say it matches at most
    /// <paramref name="limit"/> documents: a term's frequency, the sum of a disjunction's, the rarest of a phrase's, the
    /// rarest required clause of a boolean query (the sum of its optional ones when none is required); any other query may
    /// match every document. Each frequency is one lookup per segment, so they are read only until the answer is known.
    /// </summary>
    public static bool HoldsAtMost(IndexReader reader, Query query, int limit) => Ceiling(reader, query, limit) <= limit;

    /// <summary>The most documents the query can match when that is at most <paramref name="limit"/>; else some number above it.</summary>
    private static long Ceiling(IndexReader reader, Query query, long limit)
    {
        switch (query)
        {
            case TermQuery term:
                return TermStates.DocFreq(reader, term.Term);
            case DisjunctionMaxQuery max:
                return SumUntilAbove(reader, max.Disjuncts, limit);
            case PhraseQuery phrase when phrase.GetTerms().Length > 0:
                return LeastUntilWithin(reader, phrase.GetTerms().Select(term => new TermQuery(term)), limit);
            case BooleanQuery { MinimumNumberShouldMatch: 0 } boolean when boolean.Clauses.Count > 0 && boolean.Clauses.All(c => c.Occur != Occur.MUST_NOT):
                var required = boolean.Clauses.Where(c => c.Occur == Occur.MUST).Select(c => c.Query).ToList();
                return required.Count > 0 ? LeastUntilWithin(reader, required, limit) : SumUntilAbove(reader, boolean.Clauses.Select(c => c.Query), limit);
            default:
                return reader.MaxDoc;
        }
    }

    private static long SumUntilAbove(IndexReader reader, IEnumerable<Query> queries, long limit)
    {
        var sum = 0L;
        foreach (var query in queries)
        {
            sum += Ceiling(reader, query, limit - sum);
            if (sum > limit)
                break;
        }

        return sum;
    }

    private static long LeastUntilWithin(IndexReader reader, IEnumerable<Query> queries, long limit)
    {
        var least = long.MaxValue;
        foreach (var query in queries)
        {
            least = Math.Min(least, Ceiling(reader, query, limit));
            if (least <= limit)
                break;
        }

        return least;
    }

    /// <summary>
    /// The clauses that decide which documents match: a boolean query's required (and prohibited) ones when it has a required
    /// one, as its optional ones then only add to scores (their phrase weights are the costly part of preparing a count).
    /// </summary>
    private static Query Deciding(Query query)
    {
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0 } boolean || boolean.Clauses.All(c => c.Occur != Occur.MUST))
            return query;
        var deciding = new BooleanQuery(boolean.CoordDisabled);
        foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.SHOULD))
            deciding.Add(clause);
        return deciding;
    }

    private static IEnumerable<int> Workers(IndexSearcher searcher, int? workers) =>
        Enumerable.Range(0, Math.Max(1, workers ?? SearchThreads.Available(searcher.IndexReader.Leaves.Count)));

    /// <summary>The count so far of every worker, and the segments whose matches were counted.</summary>
    private sealed class Tally
    {
        private int count;
        private int segments;

        public int Count => Volatile.Read(ref count);

        public int Segments => Volatile.Read(ref segments);

        public void Add(int matches)
        {
            Interlocked.Add(ref count, matches);
            Interlocked.Increment(ref segments);
        }
    }

    /// <summary>Counts each segment's match set whole and collects none of its documents one by one.</summary>
    private sealed class SetCounter(Tally tally) : IMatchSetCollector
    {
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }

        public (FixedBitSet Docs, bool AllHits) Take(FixedBitSet matches, DocValuesFilter? acceptedBy)
        {
            tally.Add(matches.Cardinality);
            return (new FixedBitSet(0), false);
        }

        public void Collect(int doc)
        {
        }
    }
}
