using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Store.Import.MovieLens;

/// <summary>The parts of a MovieLens title string such as "Postman, The (Postino, Il) (1994)".</summary>
internal sealed partial record MovieLensTitleText(
    string Name,
    string? OriginalName,
    IReadOnlyList<string> AlternateNames,
    int? Year,
    bool IsYearRange)
{
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    /// <summary>"(1994)", "(2007-2011)", "(2007–)" at the very end.</summary>
    [GeneratedRegex(@"\(\s*(?<year>[0-9]{4})\s*(?<range>[-–]\s*([0-9]{4})?\s*)?\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingYear();

    /// <summary>A parenthesised group at the end that follows some text: an alternate or original name.</summary>
    [GeneratedRegex(@"^(?<rest>.*\S)\s+\((?<inner>[^()]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingGroup();

    /// <summary>MovieLens files titles under their main word: "Shawshank Redemption, The".</summary>
    [GeneratedRegex(
        @"^(?<rest>.+),\s*(?<article>The|A|An|Les|La|Le|L'|Il|Lo|I|Gli|El|Los|Las|Die|Der|Das|De|Het|Ein|Eine|Un|Une|Una|O|Os|As)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TrailingArticle();

    private const string AkaPrefix = "a.k.a.";

    public static MovieLensTitleText Parse(string raw)
    {
        var text = Whitespace().Replace(raw, " ").Trim();
        int? year = null;
        var range = false;
        var yearMatch = TrailingYear().Match(text);
        if (yearMatch.Success)
        {
            year = int.Parse(yearMatch.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            range = yearMatch.Groups["range"].Success;
            text = text[..yearMatch.Index].TrimEnd();
        }

        // Groups are peeled off right to left; the leftmost is MovieLens's original-language title.
        var groups = new List<string>();
        for (var group = TrailingGroup().Match(text); group.Success; group = TrailingGroup().Match(text))
        {
            groups.Insert(0, group.Groups["inner"].Value.Trim());
            text = group.Groups["rest"].Value;
        }

        string? original = null;
        var alternates = new List<string>();
        foreach (var group in groups.Where(g => g.Length > 0))
        {
            if (group.StartsWith(AkaPrefix, StringComparison.OrdinalIgnoreCase))
                alternates.Add(MoveArticleToFront(group[AkaPrefix.Length..].Trim()));
            else if (original is null)
                original = MoveArticleToFront(group);
            else
                alternates.Add(MoveArticleToFront(group));
        }

        return new MovieLensTitleText(MoveArticleToFront(text), original, alternates.Where(a => a.Length > 0).ToList(), year, range);
    }

    internal static string MoveArticleToFront(string name)
    {
        var match = TrailingArticle().Match(name);
        if (!match.Success)
            return name;
        var article = match.Groups["article"].Value;
        var separator = article.EndsWith('\'') ? "" : " ";
        return article + separator + match.Groups["rest"].Value.Trim();
    }
}
