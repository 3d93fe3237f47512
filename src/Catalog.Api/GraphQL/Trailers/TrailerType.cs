using Catalog.Core.Titles;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Trailers;

public sealed class TrailerType : ObjectGraphType<Trailer>
{
    public TrailerType()
    {
        Name = "Trailer";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
        Field<StringGraphType>("embedUrl").Description("A URL for an iframe, when the site offers one.").Resolve(c => c.Source.EmbedUrl);
        Field<NonNullGraphType<TrailerSiteType>>("site").Resolve(c => c.Source.Site);
        Field<NonNullGraphType<TrailerKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("language").Resolve(c => c.Source.Language);
    }
}

public sealed class TrailerSiteType : EnumerationGraphType<TrailerSite>
{
    public TrailerSiteType() => Name = "TrailerSite";

    /// <summary>YOUTUBE and IMDB, not YOU_TUBE: site names are single words.</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}

public sealed class TrailerKindType : EnumerationGraphType<TrailerKind>
{
    public TrailerKindType() => Name = "TrailerKind";
}

public static class TrailerOrder
{
    public static IEnumerable<Trailer> Sort(IEnumerable<Trailer> trailers) =>
        trailers.OrderBy(t => t.Kind).ThenBy(t => t.Id, StringComparer.Ordinal);
}
