using Catalog.Store.Writes;

namespace Catalog.Api.GraphQL.Titles;

public static class ImdbLinks
{
    /// <summary>https://www.imdb.com/title/tt…/ for a well-formed IMDb title id, otherwise null.</summary>
    public static string? TitleUrl(string? imdbId) =>
        ExternalIds.IsImdbId(imdbId) ? $"https://www.imdb.com/title/{imdbId}/" : null;
}
