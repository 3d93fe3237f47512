using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Search;

public static class RailQueries
{
    public static void AddRailQueries(this ObjectGraphType query)
    {
        AddRail(query, "recentlyAdded", Rail.RecentlyAdded, "Added within RecentlyAddedDays of now, newest addedAt first, whatever the release year.");
        AddRail(query, "newReleases", Rail.NewReleases, "Released within NewReleaseDays before now and available, newest releaseDate first.");
        AddRail(query, "newArrivals", Rail.NewArrivals, "Added within RecentlyAddedDays and released within NewReleaseDays, newest addedAt first.");
        AddRail(query, "comingSoon", Rail.ComingSoon, "Announced titles whose availability or release is in the future, soonest first.");
        AddRail(query, "leavingSoon", Rail.LeavingSoon, "Available titles whose availableUntil falls within LeavingSoonDays, soonest first.");
        CatalogClockType.AddCatalogClockQuery(query);
    }

    private static void AddRail(ObjectGraphType query, string name, Rail rail, string description) =>
        query.Field<NonNullGraphType<TitleConnectionType>>(name)
            .Description(description + " asOf evaluates the rail at another instant; a future asOf needs the curator role.")
            .FirstArgument(20)
            .AfterArgument()
            .Argument<DateTimeScalar>("asOf")
            .ResolveAsync(async c => await RailAsync(c, rail));

    private static async Task<Connection<Title>> RailAsync(IResolveFieldContext context, Rail rail)
    {
        var asOf = context.GetArgument<DateTimeOffset?>("asOf");
        if (asOf > context.Service<TimeProvider>().GetUtcNow())
            Caller.RequireCurator(context);
        var request = new RailRequest(rail, asOf, Paging.First(context, 20), Paging.After(context));
        var engine = SearchAccess.Engine(context);
        var page = await SearchAccess.RunAsync(() => engine.RailAsync(request, context.CancellationToken));
        var titles = await context.Service<TitleReader>().LoadInOrderAsync([.. page.Hits.Select(h => h.TitleId)], context.CancellationToken);
        var byId = titles.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var edges = page.Hits.Where(h => byId.ContainsKey(h.TitleId)).Select(h => new Edge<Title>(h.Cursor, byId[h.TitleId])).ToList();
        return Connection.Of(page.TotalCount, edges, page.HasNextPage, request.After is not null);
    }

    /// <summary>Title.similar: titles sharing tags, genres and people, from the search engine.</summary>
    public static void AddSimilarField(this TitleType title) =>
        title.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TitleType>>>>("similar")
            .Description("Titles related by tags, genres and people.")
            .FirstArgument(10)
            .Resolve(c => c.Service<SimilarTitlesReader>().Load(c.Source.Id, Paging.First(c, 10)));
}
