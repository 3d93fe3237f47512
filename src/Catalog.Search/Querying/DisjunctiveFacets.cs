using Catalog.Core.Search;
using Lucene.Net.Search;

namespace Catalog.Search.Querying;

/// <summary>
/// Disjunctive facet counting: a field's counts apply every filter except the field's own. Fields with no
/// active filter of their own are counted alongside the hits (<see cref="SharedPass"/>); each field whose
/// own filter is active gets one count-only pass with that filter left out.
/// </summary>
internal sealed class DisjunctiveFacets
{
    private readonly IndexSearcher searcher;
    private readonly Query query;
    private readonly IReadOnlyList<FilterClause> clauses;
    private readonly Filter available;
    private readonly TitleFilter? filter;
    private readonly List<FacetRequest> requests;
    private readonly HashSet<FacetField> ownFilterActive;

    public DisjunctiveFacets(
        IndexSearcher searcher, Query query, IReadOnlyList<FilterClause> clauses, Filter available,
        IEnumerable<FacetRequest> requests, TitleFilter? filter)
    {
        this.searcher = searcher;
        this.query = query;
        this.clauses = clauses;
        this.available = available;
        this.filter = filter;
        this.requests = [.. requests.DistinctBy(r => r.Field)];
        ownFilterActive = [.. clauses.SelectMany(c => c.OwnedBy)];
        var shared = this.requests.Where(r => !ownFilterActive.Contains(r.Field)).ToList();
        SharedPass = shared.Count == 0
            ? null
            : new FacetCollector(searcher.IndexReader, shared.Select(r => FacetFields.IndexField(r.Field)));
    }

    /// <summary>Collects the fields without an active own filter in the main pass (null when there are none).</summary>
    public FacetCollector? SharedPass { get; }

    /// <summary>Call after the main pass has run.</summary>
    public IReadOnlyList<FacetResult> Results() => [.. requests.Select(Result)];

    private FacetResult Result(FacetRequest request)
    {
        var indexField = FacetFields.IndexField(request.Field);
        var collector = SharedPass;
        if (ownFilterActive.Contains(request.Field))
        {
            collector = new FacetCollector(searcher.IndexReader, [indexField]);
            searcher.Search(query, FilterClauses.Combine(clauses, available, except: request.Field), collector);
        }

        var (ordinals, counts) = collector!.CountsOf(indexField);
        return FacetFields.Result(request, ordinals, counts, filter);
    }
}
