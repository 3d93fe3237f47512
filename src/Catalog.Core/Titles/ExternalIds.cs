using System.Text.RegularExpressions;

namespace Catalog.Core.Titles;

/// <summary>Shapes of the external ids a title may carry.</summary>
public static partial class ExternalIds
{
    public static bool IsImdbId(string? id) => id is not null && ImdbIdPattern().IsMatch(id);

    public static bool IsTmdbId(string? id) => id is not null && TmdbIdPattern().IsMatch(id);

    [GeneratedRegex("^tt[0-9]{7,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImdbIdPattern();

    [GeneratedRegex("^[0-9]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex TmdbIdPattern();
}
