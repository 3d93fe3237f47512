namespace Catalog.Store.Import.MovieLens;

/// <summary>
/// MovieLens genre names mapped onto the catalog's vocabulary, which follows IMDb's genre names
/// (so the same film imported from either source lands in the same facet). IMAX is a screen format,
/// not a genre: it becomes the tag "imax".
/// </summary>
internal static class MovieLensGenres
{
    public const string NoGenres = "(no genres listed)";
    public const string Documentary = "Documentary";
    public const string ImaxTag = "imax";

    /// <summary>Every genre MovieLens uses, keyed case-insensitively; the value is the catalog's spelling.</summary>
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Action"] = "Action",
        ["Adventure"] = "Adventure",
        ["Animation"] = "Animation",
        ["Children"] = "Family",
        ["Children's"] = "Family",
        ["Comedy"] = "Comedy",
        ["Crime"] = "Crime",
        ["Documentary"] = Documentary,
        ["Drama"] = "Drama",
        ["Fantasy"] = "Fantasy",
        ["Film-Noir"] = "Film-Noir",
        ["Horror"] = "Horror",
        ["Musical"] = "Musical",
        ["Mystery"] = "Mystery",
        ["Romance"] = "Romance",
        ["Sci-Fi"] = "Sci-Fi",
        ["Thriller"] = "Thriller",
        ["War"] = "War",
        ["Western"] = "Western",
    };

    /// <param name="column">The pipe-separated genres column.</param>
    /// <returns>Genres in input order without duplicates, and tags derived from format pseudo-genres.</returns>
    public static (List<string> Genres, List<string> Tags) Map(string column)
    {
        var genres = new List<string>();
        var tags = new List<string>();
        foreach (var part in column.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals(NoGenres, StringComparison.OrdinalIgnoreCase))
                continue;
            if (part.Equals("IMAX", StringComparison.OrdinalIgnoreCase))
            {
                tags.Add(ImaxTag);
                continue;
            }

            // A genre MovieLens may add later is kept as written rather than dropped.
            var genre = Canonical.TryGetValue(part, out var canonical) ? canonical : part;
            if (!genres.Contains(genre, StringComparer.OrdinalIgnoreCase))
                genres.Add(genre);
        }

        return (genres, tags);
    }
}
