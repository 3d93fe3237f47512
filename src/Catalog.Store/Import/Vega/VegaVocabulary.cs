using Catalog.Core.Titles;
using Catalog.Core.Titles.Rules;

namespace Catalog.Store.Import.Vega;

/// <summary>
/// How vega-datasets' descriptive columns become catalog fields (documented in data/README.md):
/// Major Genre → genres and kind, Creative Type / Source / Distributor → lower-case tags, MPAA Rating →
/// content rating.
/// </summary>
public static class VegaVocabulary
{
    /// <summary>Major Genre → (kind, genres, extra tag). Compound genres split into the genres viewers filter by.</summary>
    private static readonly Dictionary<string, (TitleKind Kind, string[] Genres, string? Tag)> MajorGenres = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Action"] = (TitleKind.Movie, ["Action"], null),
        ["Adventure"] = (TitleKind.Movie, ["Adventure"], null),
        ["Black Comedy"] = (TitleKind.Movie, ["Comedy"], "black comedy"),
        ["Comedy"] = (TitleKind.Movie, ["Comedy"], null),
        ["Concert/Performance"] = (TitleKind.Special, ["Music"], "concert"),
        ["Documentary"] = (TitleKind.Documentary, ["Documentary"], null),
        ["Drama"] = (TitleKind.Movie, ["Drama"], null),
        ["Horror"] = (TitleKind.Movie, ["Horror"], null),
        ["Musical"] = (TitleKind.Movie, ["Musical"], null),
        ["Romantic Comedy"] = (TitleKind.Movie, ["Romance", "Comedy"], "romantic comedy"),
        ["Thriller/Suspense"] = (TitleKind.Movie, ["Thriller"], "suspense"),
        ["Western"] = (TitleKind.Movie, ["Western"], null),
    };

    /// <summary>Source → tag; "Based on X/Y" keeps the first, most common, reading.</summary>
    private static readonly Dictionary<string, string> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Based on Book/Short Story"] = "based on book",
        ["Based on Comic/Graphic Novel"] = "based on comic",
        ["Based on Factual Book/Article"] = "based on factual book",
        ["Based on Game"] = "based on game",
        ["Based on Magazine Article"] = "based on magazine article",
        ["Based on Musical/Opera"] = "based on musical",
        ["Based on Play"] = "based on play",
        ["Based on Real Life Events"] = "based on real events",
        ["Based on Short Film"] = "based on short film",
        ["Based on TV"] = "based on tv",
        ["Based on Toy"] = "based on toy",
        ["Compilation"] = "compilation",
        ["Disney Ride"] = "based on theme park ride",
        ["Musical Group Movie"] = "musical group",
        ["Original Screenplay"] = "original screenplay",
        ["Remake"] = "remake",
        ["Spin-Off"] = "spin-off",
        ["Traditional/Legend/Fairytale"] = "based on folklore",
    };

    /// <summary>The MPAA ratings kept as they are; "Not Rated" becomes NR and "Open" (no rating yet) none.</summary>
    private static readonly Dictionary<string, string?> ContentRatings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["G"] = "G", ["PG"] = "PG", ["PG-13"] = "PG-13", ["R"] = "R", ["NC-17"] = "NC-17", ["Not Rated"] = "NR", ["Open"] = null,
    };

    public static bool TryMajorGenre(string genre, out (TitleKind Kind, string[] Genres, string? Tag) mapped) =>
        MajorGenres.TryGetValue(genre.Trim(), out mapped);

    public static bool TryContentRating(string mpaa, out string? rating) => ContentRatings.TryGetValue(mpaa.Trim(), out rating);

    /// <summary>Known sources map through the table; any other value becomes its lower-case self.</summary>
    public static string? SourceTag(string source) =>
        Sources.TryGetValue(source.Trim(), out var tag) ? tag : TagRules.Normalize(source);

    /// <summary>Creative types are tags as they are, lower-case; "Multiple Creative Types" says nothing.</summary>
    public static string? CreativeTypeTag(string creativeType) =>
        creativeType.Trim().Equals("Multiple Creative Types", StringComparison.OrdinalIgnoreCase) ? null : TagRules.Normalize(creativeType);

    public static string DistributorTag(string distributor) => TagRules.Normalize(distributor);
}
