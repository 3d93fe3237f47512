using Catalog.Api.GraphQL.Common;
using Catalog.Api.Insights;
using Catalog.Store;
using Catalog.Store.Insights;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Insights;

public static class InsightsFields
{
    public static void AddInsightsQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchInsightsType>>("searchInsights")
            .Description("Curator. What viewers searched for between two UTC days (both included, at most 366 days): top queries, queries that found nothing, queries whose results nobody opened, click-through, reciprocal rank and latency, in total and per day.")
            .Argument<NonNullGraphType<DateScalar>>("from")
            .Argument<NonNullGraphType<DateScalar>>("to")
            .FirstArgument(20)
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                var (from, to) = (c.GetArgument<DateOnly>("from"), c.GetArgument<DateOnly>("to"));
                if (InsightsReport.RangeProblem(from, to) is { } problem)
                    throw CatalogErrors.BadUserInput(problem);
                var first = Paging.First(c, 20);
                await using var db = c.Service<ICatalogDbFactory>().Create();
                return await InsightsReport.ComputeAsync(db, from, to, first, c.CancellationToken);
            });

    public static void AddInsightsMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<BooleanGraphType>>("recordClick")
            .Description("Anyone. Records that the result titleId, shown at position (1-based, counting from the first page), of the search searchId was opened. Written in the background: true means accepted, not stored; clicks on unknown or expired searches are dropped.")
            .Argument<NonNullGraphType<IdGraphType>>("searchId")
            .Argument<NonNullGraphType<IdGraphType>>("titleId")
            .Argument<NonNullGraphType<IntGraphType>>("position")
            .Resolve(c =>
            {
                var problem = ClickProblem(c.GetArgument<string>("searchId"), c.GetArgument<string>("titleId"), c.GetArgument<int>("position"));
                if (problem is not null)
                    throw CatalogErrors.BadUserInput(problem);
                var recorder = c.OptionalService<SearchRecorder>()
                    ?? throw CatalogErrors.Unavailable("Search insights are not recorded on this server.");
                return recorder.RecordClick(c.GetArgument<string>("searchId"), c.GetArgument<string>("titleId"), c.GetArgument<int>("position"));
            });

    /// <summary>Why a click cannot be recorded, or null: the one check behind recordClick and the click beacon.</summary>
    public static string? ClickProblem(string? searchId, string? titleId, int position) =>
        searchId is null || !SearchRecorder.IsSearchId(searchId) ? "'searchId' is not a search id this service returned."
        : string.IsNullOrWhiteSpace(titleId) || titleId.Length > 128 ? "'titleId' must be a title id (1 to 128 characters)."
        : position is < 1 or > 10_000 ? $"'position' must be between 1 and 10000 (got {position})."
        : null;
}
