using System.Globalization;
using Catalog.Core.Titles;
using Catalog.Core.Titles.Rules;
using Lucene.Net.Analysis.Miscellaneous;

namespace Catalog.Search.Schema;

/// <summary>
/// The exact values the filter and facet fields hold. The document builder writes them and the query
/// side must normalise filter input through the same functions, or a filter silently matches nothing.
/// </summary>
public static class FieldValues
{
    public const string True = "true";
    public const string False = "false";

    /// <summary>Rating buckets of the mean rating, best first; unrated titles have no bucket.</summary>
    public static readonly IReadOnlyList<string> RatingBuckets = ["8+", "7–8", "6–7", "5–6", "<5"];

    /// <summary>Tags as the store spells them (<see cref="TagRules"/>), so filter input matches however it is typed.</summary>
    public static string Tag(string tag) => TagRules.Normalize(tag);

    /// <summary>People: trimmed, lower case, accents kept ("Léon" stays "léon").</summary>
    public static string Person(string person) => person.Trim().ToLowerInvariant();

    /// <summary>Genres, content ratings and languages keep the store's spelling (they are display labels).</summary>
    public static string Label(string value) => value.Trim();

    // Labels computed once: the index build asks for them for every title.
    private static readonly Dictionary<TitleKind, string> KindLabels =
        Enum.GetValues<TitleKind>().ToDictionary(kind => kind, kind => kind.ToString().ToUpperInvariant());

    private static readonly string[] YearLabels = [.. Enumerable.Range(0, CachedYears).Select(y => y.ToString(CultureInfo.InvariantCulture))];

    private static readonly string[] DecadeLabels = [.. Enumerable.Range(0, CachedYears / 10).Select(d => (d * 10).ToString(CultureInfo.InvariantCulture) + "s")];

    private const int CachedYears = 3000;

    /// <summary>MOVIE, SERIES, … (the GraphQL enum names).</summary>
    public static string Kind(TitleKind kind) => KindLabels.TryGetValue(kind, out var label) ? label : kind.ToString().ToUpperInvariant();

    public static string Bool(bool value) => value ? True : False;

    public static string Year(int year) => year is >= 0 and < CachedYears ? YearLabels[year] : year.ToString(CultureInfo.InvariantCulture);

    /// <summary>1994 → "1990s".</summary>
    public static string Decade(int year) =>
        year is >= 0 and < CachedYears ? DecadeLabels[year / 10] : (year - (((year % 10) + 10) % 10)).ToString(CultureInfo.InvariantCulture) + "s";

    public static string? RatingBucket(double? mean) => mean switch
    {
        null => null,
        >= 8 => RatingBuckets[0],
        >= 7 => RatingBuckets[1],
        >= 6 => RatingBuckets[2],
        >= 5 => RatingBuckets[3],
        _ => RatingBuckets[4],
    };

    /// <summary>Days since 0001-01-01 (the release_day field).</summary>
    public static int Day(DateOnly date) => date.DayNumber;

    /// <summary>UTC ticks (added_at, available_until, coming_at).</summary>
    public static long Instant(DateTime utc) => utc.Ticks;

    /// <summary>The NAME sort key: lower case, folded to ASCII, trimmed ("Léon" → "leon").</summary>
    public static string SortName(string name)
    {
        var lower = name.Trim().ToLowerInvariant().ToCharArray();
        var folded = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, folded, 0, lower.Length);
        return new string(folded, 0, length);
    }
}
