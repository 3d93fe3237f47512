using System.Diagnostics;
using System.Text.Json;
using Catalog.Core;
using Catalog.Core.Rails;
using Catalog.Core.Search;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Facets;
using Catalog.Search.Querying.Fallbacks;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Querying.Related;
using Catalog.Search.Querying.Sorting;
using Catalog.Search.Querying.Suggest;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace Catalog.Search.Querying;

/// <summary>
/// <see cref="ITitleSearch"/> over the live Lucene index. Every method sees only titles available at
/// "now" of the injected clock (comingSoon aside). Bad cursors throw <see cref="InvalidCursorException"/>,
/// a negative <c>first</c> throws <see cref="ArgumentOutOfRangeException"/> and a filter field listing more
/// than <see cref="FilterClauses.MaxValuesPerField"/> values an <see cref="ArgumentException"/>; any query
/// text is safe.
/// </summary>
public sealed class TitleSearch(
    ISearcherSource searchers, CatalogAnalyzers analyzers, IOptions<CatalogOptions> options, SearchOptions searchOptions, TimeProvider clock)
    : ITitleSearch
{
    public const int RelatedCount = 10;

    private readonly UserQueryBuilder queries = new(analyzers);
    private readonly HitHighlighter highlighter = new(analyzers);
    private readonly TitleSuggester suggester = new(analyzers);
    private readonly QueryFallbacks fallbacks = new(new UserQueryBuilder(analyzers));

    private double PriorVotes => options.Value.Ranking.PriorVotes;

    /// <summary>Below this many results a search tries its fallback readings and also returns related titles.</summary>
    private int FewResults => Math.Max(0, options.Value.Fallbacks.FewResults);

    /// <summary>At least a hair above 0: a related title of a search always shares a distinctive value.</summary>
    private float MinShare => Math.Max(1e-6f, (float)options.Value.Fallbacks.RelatedMinShare);

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var first = Paging.CheckFirst(request.First);
        using var running = SearchThreads.Running(searchOptions.ThreadsPerSearch);
        using var lease = searchers.Acquire();
        var searcher = lease.Searcher;
        var catalogMean = searcher.CatalogMean;
        var available = Available();
        var clauses = FilterClauses.From(request.Filter, catalogMean, PriorVotes);
        var filter = FilterClauses.Combine(clauses, available);
        var query = queries.Build(request.Query, searcher, request.Ranking.TypoTolerance);
        var phases = new PhaseClock(started);
        var readingMs = phases.Next();
        var sort = TitleSorts.For(request.Sort, new WeightedRatingSort(catalogMean, PriorVotes), text: !query.IsEmpty, request.Ranking.PopularityTieBreak);
        // Bound to the text typed, whichever reading answers: the next page derives the same reading again.
        var fingerprint = SearchCursor.Fingerprint($"search|{request.Sort}|{request.Ranking}|{query.Text}|{JsonSerializer.Serialize(request.Filter)}");
        var after = request.After is null ? null : SearchCursor.Decode(request.After, fingerprint, sort);

        (Page, DisjunctiveFacets) Run(UserQuery reading)
        {
            var facets = new DisjunctiveFacets(searcher, clauses, available, request.Facets ?? [], request.Filter, searchOptions.ExactCountLimit);
            var page = Paging.Run(searcher.Ranking, reading.Query, filter: null, sort, first, after, facets.Around, scores: !reading.IsEmpty, facets.PassFilter,
                ranked: facets.SplitsFilter ? filter : null, SearchThreads.Available(searcher.IndexReader.Leaves.Count));
            return (page, facets);
        }

        var (page, facets) = Run(query);
        var typed = !query.IsEmpty;
        var matchingMs = phases.Next();
        string? didYouMean = null;
        IReadOnlyList<string> related = [];
        FallbackReading? fallback = null;
        if (typed)
        {
            var correction = Correction(searcher, query, filter, page.TotalCount);
            didYouMean = correction?.Query.Text;
            if (page.TotalCount < FewResults && !request.Exact && request.Ranking.Fallbacks
                && fallbacks.Find(searcher, query, page.TotalCount, correction, filter) is { } reading)
            {
                fallback = reading;
                query = reading.Query;
                (page, facets) = Run(query);
            }
        }

        var fallbacksMs = phases.Next();
        if (typed && page.TotalCount < FewResults)
            related = Related(searcher, query, page, filter);
        var relatedMs = phases.Next();

        var hits = page.Hits.Select(hit => new SearchHit(
            Paging.IdOf(hit),
            SearchCursor.Encode(fingerprint, hit),
            query.IsEmpty ? null : hit.Score,
            request.Highlight && !query.IsEmpty ? Highlights(searcher, hit.Doc, query) : [])).ToList();
        var highlightsMs = phases.Next();
        var facetResults = facets.Results();
        var countingMs = phases.Next();
        return Task.FromResult(new SearchResult(
            page.TotalCount, hits, page.HasNextPage, facetResults, didYouMean, related, Stopwatch.GetElapsedTime(started).TotalMilliseconds)
        {
            Relaxation = fallback?.Relaxation ?? QueryRelaxation.None,
            CorrectedQuery = fallback?.CorrectedText,
            Timings = new SearchTimings(readingMs, matchingMs, countingMs, fallbacksMs, relatedMs, highlightsMs),
        });
    }

    public Task<TitlePage> RailAsync(RailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var first = Paging.CheckFirst(request.First);
        var window = RailWindow.For(request.Rail, request.AsOf ?? clock.GetUtcNow(), options.Value.Rails);
        var sort = TitleSorts.For(window.Order);
        var fingerprint = SearchCursor.Fingerprint($"rail|{request.Rail}");
        var after = request.After is null ? null : SearchCursor.Decode(request.After, fingerprint, sort);
        using var lease = searchers.Acquire();
        var page = Paging.Run(lease.Searcher, new MatchAllDocsQuery(), RailQueries.For(window), sort, first, after);
        var hits = page.Hits.Select(hit => new SearchHit(Paging.IdOf(hit), SearchCursor.Encode(fingerprint, hit), null, [])).ToList();
        return Task.FromResult(new TitlePage(page.TotalCount, hits, page.HasNextPage));
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int first, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = searchers.Acquire();
        return Task.FromResult(suggester.Suggest(lease.Searcher, prefix, first, Available()));
    }

    public Task<IReadOnlyList<FacetValue>> TagsAsync(string? prefix, int first, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var normalised = string.IsNullOrWhiteSpace(prefix) ? null : FieldValues.Tag(prefix);
        Query query = normalised is null ? new MatchAllDocsQuery() : new PrefixQuery(new Term(IndexFields.Tag, normalised));
        return Task.FromResult(ValueCounts(FacetField.Tag, query, normalised, first));
    }

    public Task<IReadOnlyList<FacetValue>> GenresAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ValueCounts(FacetField.Genre, new MatchAllDocsQuery(), null, FacetFields.MaxValuesCap));
    }

    public Task<IReadOnlyList<string>> SimilarAsync(string titleId, int first, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        first = Paging.CheckFirst(first);
        using var lease = searchers.Acquire();
        var searcher = lease.Searcher;
        var self = searcher.Search(new TermQuery(new Term(IndexFields.Id, titleId ?? string.Empty)), 1).ScoreDocs;
        IReadOnlyList<string> similar = self.Length == 0
            ? []
            : RelatedTitles.Find(searcher, [self[0].Doc], [titleId!], Available(), first);
        return Task.FromResult(similar);
    }

    private DocValuesFilter Available() => DocValuesFilter.AvailableAt(FieldValues.Instant(clock.GetUtcNow().UtcDateTime));

    private IReadOnlyList<FacetValue> ValueCounts(FacetField field, Query query, string? prefix, int first)
    {
        using var lease = searchers.Acquire();
        var indexField = FacetFields.IndexField(field);
        var counts = new FacetCollector(lease.Searcher, [indexField]);
        lease.Searcher.Search(RandomAccessFiltering.Apply(query, Available()), counts);
        var (ordinals, values) = counts.CountsOf(indexField);
        return FacetFields.Result(new FacetRequest(field, prefix, first), ordinals, values, filter: null).Values;
    }

    private IReadOnlyList<Highlight> Highlights(IndexSearcher searcher, int doc, UserQuery query)
    {
        var stored = searcher.Doc(doc, new HashSet<string> { IndexFields.Name, IndexFields.Synopsis });
        return highlighter.For(query, stored.Get(IndexFields.Name), stored.Get(IndexFields.Synopsis));
    }

    /// <summary>A spelling correction from the index's words, kept only when it finds more titles (counted only that far).</summary>
    private Correction? Correction(CatalogSearcher searcher, UserQuery query, DocValuesFilter filter, int found)
    {
        if (SpellCorrector.Correct(query.Words, searcher) is not { } text)
            return null;
        var corrected = queries.Build(text, searcher, query.Tolerance);
        return BestMatches.MatchesMoreThan(searcher, corrected.Query, filter, found) ? new Correction(corrected) : null;
    }

    /// <summary>
    /// Titles related to the ones the answering reading matched (its confident matches), never to looser guesses: a
    /// reading that matched nothing has no related titles, and a related title must share enough of a matched one
    /// (<see cref="FallbackOptions.RelatedMinShare"/>).
    /// </summary>
    private IReadOnlyList<string> Related(IndexSearcher searcher, UserQuery query, Page page, DocValuesFilter filter)
    {
        // A page showing every match already holds the seeds (the best few of fewer than few are all of them).
        var seeds = page.Hits.Count >= page.TotalCount
            ? [.. page.Hits.Select(hit => hit.Doc)]
            : BestMatches.Of(searcher, query.Query, filter, Math.Max(1, FewResults)).Docs;
        return seeds.Count == 0 ? [] : RelatedTitles.Find(searcher, seeds, page.Ids, filter, RelatedCount, MinShare);
    }
}
