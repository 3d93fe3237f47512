using Catalog.Api.GraphQL.Common;
using Catalog.Core;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Catalog.Api.GraphQL.Search;

/// <summary>The instant rails and availability are evaluated at, and the rail windows, so a page can say what its rails mean.</summary>
public sealed record CatalogClock(DateTimeOffset Now, int RecentlyAddedDays, int NewReleaseDays, int LeavingSoonDays);

public sealed class CatalogClockType : ObjectGraphType<CatalogClock>
{
    public CatalogClockType()
    {
        Name = "CatalogClock";
        Description = "The catalog's \"now\" (fixed by Catalog:Clock:Now for demos) and the windows of the rails (Catalog:Rails:*).";
        Field<NonNullGraphType<DateTimeScalar>>("now").Resolve(c => c.Source.Now);
        Field<NonNullGraphType<IntGraphType>>("recentlyAddedDays").Resolve(c => c.Source.RecentlyAddedDays);
        Field<NonNullGraphType<IntGraphType>>("newReleaseDays").Resolve(c => c.Source.NewReleaseDays);
        Field<NonNullGraphType<IntGraphType>>("leavingSoonDays").Resolve(c => c.Source.LeavingSoonDays);
    }

    public static void AddCatalogClockQuery(ObjectGraphType query) =>
        query.Field<NonNullGraphType<CatalogClockType>>("catalogClock")
            .Description("The instant the catalog is shown for and the rail windows.")
            .Resolve(c =>
            {
                var rails = c.Service<IOptions<CatalogOptions>>().Value.Rails;
                return new CatalogClock(c.Service<TimeProvider>().GetUtcNow(), rails.RecentlyAddedDays, rails.NewReleaseDays, rails.LeavingSoonDays);
            });
}
