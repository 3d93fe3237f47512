using System.Text.RegularExpressions;

namespace Catalog.Api.GraphQL.Titles;

public static partial class ImdbLinks
{
    /// <summary>https://www.imdb.com/title/tt…/ for a well-formed IMDb title id, otherwise null.</summary>
    public static string? TitleUrl(string? imdbId) =>
        imdbId is not null && TitleIdPattern().IsMatch(imdbId) ? $"https://www.imdb.com/title/{imdbId}/" : null;

    [GeneratedRegex("^tt[0-9]{7,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleIdPattern();
}
