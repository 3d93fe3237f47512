using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Api.Http;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Search;

public sealed record TitleSearchEdge(SearchHit Hit, Title Node);

/// <summary>A search result with the page's titles loaded from the store (hits and related in one query).</summary>
public sealed record TitleSearchPayload(
    SearchResult Result, IReadOnlyList<TitleSearchEdge> Edges, IReadOnlyList<Title> Related, bool HasPreviousPage, string? SearchId = null);

public sealed class TitleSearchResultType : ObjectGraphType<TitleSearchPayload>
{
    public TitleSearchResultType()
    {
        Name = "TitleSearchResult";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.Result.TotalCount);
        Field<NonNullGraphType<BooleanGraphType>>("totalCountIsExact")
            .Description("Whether totalCount is exact. Always true today: every match is counted, however many (facet counts may be estimates: see Facet.exact).")
            .Resolve(_ => true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TitleSearchEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TitleType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Resolve(c => PageInfo.For(c.Source.Edges, e => e.Hit.Cursor, c.Source.Result.HasNextPage, c.Source.HasPreviousPage));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetType>>>>("facets")
            .Description("Counts for the requested facet fields; each field's counts ignore that field's own filter.")
            .Resolve(c => c.Source.Result.Facets);
        Field<StringGraphType>("didYouMean").Description("A corrected query when it finds more.").Resolve(c => c.Source.Result.DidYouMean);
        Field<StringGraphType>("correctedQuery")
            .Description("The text the results answer when it is not the text typed (queryRelaxation CORRECTED or WORDS_DROPPED): \"Showing results for …\". Search again with exact: true for the text typed.")
            .Resolve(c => c.Source.Result.CorrectedQuery);
        Field<NonNullGraphType<QueryRelaxationType>>("queryRelaxation")
            .Description("Which reading of the query the results answer; NONE unless the text typed found fewer than a few titles.")
            .Resolve(c => c.Source.Result.Relaxation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TitleType>>>>("related")
            .Description("When there are few results: titles sharing a distinctive person or tag, and enough of what describes them, with the titles matched. Empty when nothing matched. Never mixed into edges.")
            .Resolve(c => c.Source.Related);
        Field<NonNullGraphType<FloatGraphType>>("tookMs").Resolve(c => c.Source.Result.TookMs);
        Field<IdGraphType>("searchId")
            .Description("Opaque id of this recorded search: send it with recordClick when a result is opened. Null when the search was not recorded (analytics: false, or a next page). An answer holding one is never shared by caches.")
            .Resolve(c =>
            {
                if (c.Source.SearchId is not null)
                    PerRequestAnswer.Mark(c);
                return c.Source.SearchId;
            });
    }
}

public sealed class TitleSearchEdgeType : ObjectGraphType<TitleSearchEdge>
{
    public TitleSearchEdgeType()
    {
        Name = "TitleSearchEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Hit.Cursor);
        Field<NonNullGraphType<TitleType>>("node").Resolve(c => c.Source.Node);
        Field<FloatGraphType>("score").Description("Relevance score; null when there is no query text.").Resolve(c => c.Source.Hit.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HighlightType>>>>("highlights").Resolve(c => c.Source.Hit.Highlights);
    }
}

public sealed class HighlightType : ObjectGraphType<Highlight>
{
    public HighlightType()
    {
        Name = "Highlight";
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("snippet").Description("HTML-escaped text with matched words in <mark>…</mark>.").Resolve(c => c.Source.Snippet);
    }
}

public sealed class FacetType : ObjectGraphType<FacetResult>
{
    public FacetType()
    {
        Name = "Facet";
        Field<NonNullGraphType<FacetFieldType>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>>("values").Resolve(c => c.Source.Values);
        Field<NonNullGraphType<BooleanGraphType>>("exact")
            .Description("False when the counts are estimates: the search matched more titles than Catalog:Search:ExactCountLimit (10,000), so they were counted over an even sample and scaled. Which values are selected, and the hits, are always exact.")
            .Resolve(c => c.Source.Exact);
    }
}

public sealed class FacetValueType : ObjectGraphType<FacetValue>
{
    public FacetValueType()
    {
        Name = "FacetValue";
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<BooleanGraphType>>("selected").Resolve(c => c.Source.Selected);
    }
}

public sealed class SuggestionType : ObjectGraphType<Suggestion>
{
    public SuggestionType()
    {
        Name = "Suggestion";
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<SuggestionKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<IdGraphType>("titleId").Description("Set for TITLE suggestions.").Resolve(c => c.Source.TitleId);
    }
}

public sealed class TitleEdgeType() : EdgeType<TitleType, Title>("TitleEdge");

public sealed class TitleConnectionType() : ConnectionType<TitleEdgeType, TitleType, Title>("TitleConnection");
