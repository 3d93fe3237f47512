using Catalog.Api.GraphQL.Common;
using Catalog.Store.Insights;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Insights;

public sealed class SearchInsightsType : ObjectGraphType<SearchInsightsReport>
{
    public SearchInsightsType()
    {
        Name = "SearchInsights";
        Field<NonNullGraphType<DateScalar>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<DateScalar>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<SearchTotalsType>>("totals").Resolve(c => c.Source.Totals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueryInsightType>>>>("topQueries")
            .Description("The most searched texts (searches without text are left out).").Resolve(c => c.Source.TopQueries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueryInsightType>>>>("zeroResultQueries")
            .Description("Texts that found no title, most searched first: what viewers want and the catalog lacks.").Resolve(c => c.Source.ZeroResultQueries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueryInsightType>>>>("noClickQueries")
            .Description("Texts that found titles none of which was ever opened, most searched first.").Resolve(c => c.Source.NoClickQueries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayInsightType>>>>("days")
            .Description("Days with searches, oldest first.").Resolve(c => c.Source.Days);
    }
}

public sealed class SearchTotalsType : ObjectGraphType<SearchTotals>
{
    public SearchTotalsType()
    {
        Name = "SearchTotals";
        Field<NonNullGraphType<IntGraphType>>("searches").Resolve(c => c.Source.Searches);
        Field<NonNullGraphType<IntGraphType>>("zeroResultSearches").Resolve(c => c.Source.ZeroResultSearches);
        Field<NonNullGraphType<IntGraphType>>("correctedSearches").Description("Searches answered by a looser reading than the text typed.").Resolve(c => c.Source.CorrectedSearches);
        Field<NonNullGraphType<IntGraphType>>("clicks").Resolve(c => c.Source.Clicks);
        Field<NonNullGraphType<FloatGraphType>>("clickThroughRate")
            .Description("Share of searches with results in which at least one result was opened (0 to 1).").Resolve(c => c.Source.ClickThroughRate);
        Field<NonNullGraphType<FloatGraphType>>("meanReciprocalRank")
            .Description("Mean over searches with results of 1 / position of the best-placed opened result (0 when none was opened).").Resolve(c => c.Source.MeanReciprocalRank);
        Field<NonNullGraphType<FloatGraphType>>("latencyP50Ms").Resolve(c => c.Source.LatencyP50Ms);
        Field<NonNullGraphType<FloatGraphType>>("latencyP95Ms").Resolve(c => c.Source.LatencyP95Ms);
    }
}

public sealed class QueryInsightType : ObjectGraphType<QueryInsight>
{
    public QueryInsightType()
    {
        Name = "QueryInsight";
        Field<NonNullGraphType<StringGraphType>>("query").Description("Normalised: trimmed, lower-case, single spaces.").Resolve(c => c.Source.Query);
        Field<NonNullGraphType<IntGraphType>>("searches").Resolve(c => c.Source.Searches);
        Field<NonNullGraphType<IntGraphType>>("zeroResultSearches").Resolve(c => c.Source.ZeroResultSearches);
        Field<NonNullGraphType<IntGraphType>>("clickedSearches").Resolve(c => c.Source.ClickedSearches);
        Field<NonNullGraphType<DateTimeScalar>>("lastSeen").Resolve(c => new DateTimeOffset(c.Source.LastSeen, TimeSpan.Zero));
    }
}

public sealed class DayInsightType : ObjectGraphType<DayInsight>
{
    public DayInsightType()
    {
        Name = "DayInsight";
        Field<NonNullGraphType<DateScalar>>("day").Resolve(c => c.Source.Day);
        Field<NonNullGraphType<SearchTotalsType>>("totals").Resolve(c => c.Source.Totals);
    }
}
