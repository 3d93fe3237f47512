namespace Catalog.Api.GraphQL.Common;

/// <summary>SQL comments on the store queries resolvers issue, so logs (and tests) can tell them apart.</summary>
public static class QueryTags
{
    public const string Prefix = "GraphQL: ";
    public const string Titles = Prefix + "titles with trailers";
    public const string Reviews = Prefix + "reviews";
    public const string ReviewSortKeys = Prefix + "review sort keys";
    public const string ViewerReviews = Prefix + "the viewer's reviews";
    public const string ViewerVotes = Prefix + "the viewer's votes";
}
