using Catalog.Core.Titles;

namespace Catalog.Api.GraphQL.Titles;

/// <summary>
/// The outbound links a title page shows. Where the catalog has no id to link to, a search by name and
/// year still lands a person one click from the right page; no ids are ever invented.
/// </summary>
public static class TitleLinks
{
    /// <summary>https://www.imdb.com/title/tt…/ for a well-formed IMDb title id, otherwise null.</summary>
    private static string? TitleUrl(string? imdbId) =>
        ExternalIds.IsImdbId(imdbId) ? $"https://www.imdb.com/title/{imdbId}/" : null;

    /// <summary>The title's IMDb page, or IMDb's title search (<c>s=tt</c>: titles only) for its name and year.</summary>
    public static string ImdbUrl(Title title) =>
        TitleUrl(title.ImdbId) ?? $"https://www.imdb.com/find/?q={Escape(NameAndYear(title))}&s=tt";

    /// <summary>A YouTube search for "name year trailer".</summary>
    public static string TrailerSearchUrl(Title title) =>
        $"https://www.youtube.com/results?search_query={Escape(NameAndYear(title) + " trailer")}";

    private static string NameAndYear(Title title) =>
        title.ReleaseYear is int year ? $"{title.Name} {year}" : title.Name;

    private static string Escape(string text) => Uri.EscapeDataString(text);
}
