using System.Security.Claims;
using Catalog.Api.Auth;
using GraphQL;

namespace Catalog.Api.GraphQL.Common;

/// <summary>Who is calling, from the principal the transport put on the execution (claims sub, name, role).</summary>
public sealed record Caller(string Id, string DisplayName, bool IsCurator)
{
    /// <summary>The signed-in caller, or null for anonymous requests.</summary>
    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return null;
        var id = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(id))
            return null;
        var name = user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name);
        var curator = user.HasClaim(c => (c.Type is "role" or ClaimTypes.Role) && c.Value == AuthOptions.CuratorRole);
        return new Caller(id, string.IsNullOrWhiteSpace(name) ? id : name, curator);
    }

    private bool IsViewer(ClaimsPrincipal user) =>
        IsCurator || user.HasClaim(c => (c.Type is "role" or ClaimTypes.Role) && c.Value == AuthOptions.ViewerRole);

    /// <summary>The signed-in viewer or curator, or null (anonymous, or a token with neither role): what viewer-specific fields answer for.</summary>
    public static Caller? Viewer(IResolveFieldContext context) =>
        From(context.User) is { } caller && caller.IsViewer(context.User!) ? caller : null;

    /// <summary>Viewer mutations: any signed-in viewer (curators are viewers too).</summary>
    public static Caller RequireViewer(IResolveFieldContext context)
    {
        var caller = From(context.User) ?? throw CatalogErrors.Unauthenticated();
        if (!caller.IsViewer(context.User!))
            throw CatalogErrors.Forbidden($"'{context.FieldDefinition.Name}' needs the viewer role.");
        return caller;
    }

    /// <summary>Curator mutations and confidential queries.</summary>
    public static Caller RequireCurator(IResolveFieldContext context)
    {
        var caller = From(context.User) ?? throw CatalogErrors.Unauthenticated();
        if (!caller.IsCurator)
            throw CatalogErrors.Forbidden($"'{context.FieldDefinition.Name}' needs the curator role.");
        return caller;
    }
}
