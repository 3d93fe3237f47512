using Catalog.Api.GraphQL.Common;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Viewers;

public enum ViewerRole
{
    Viewer,
    Curator,
}

public sealed class ViewerRoleType : EnumerationGraphType<ViewerRole>
{
    public ViewerRoleType() => Name = "ViewerRole";
}

/// <summary>Who the bearer token says is calling (GitHub's <c>viewer</c> convention).</summary>
public sealed class ViewerType : ObjectGraphType<Caller>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The signed-in caller, as their token names them.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The token's subject; reviews and votes are recorded under it.").Resolve(c => c.Source.Id);
        Field<StringGraphType>("name").Description("The display name reviews show (the id when the token carries no name).").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<ViewerRoleType>>("role").Resolve(c => c.Source.IsCurator ? ViewerRole.Curator : ViewerRole.Viewer);
    }
}

public static class ViewerQueries
{
    public static void AddViewerQueries(this ObjectGraphType query) =>
        query.Field<ViewerType>("viewer")
            .Description("The signed-in viewer or curator; null when anonymous.")
            .Resolve(Caller.Viewer);
}
