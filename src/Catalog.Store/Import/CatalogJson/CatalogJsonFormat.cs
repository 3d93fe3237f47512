using System.Globalization;
using Catalog.Core.Titles;

namespace Catalog.Store.Import.CatalogJson;

/// <summary>
/// Names and value spellings of the catalog-json format (documented in data/README.md and the
/// project README): an envelope <c>{"format":"catalog-json","version":1,"asOf":…,"titles":[…]}</c>
/// or a bare array of title objects.
/// </summary>
public static class CatalogJsonFormat
{
    public const string Name = "catalog-json";
    public const int Version = 1;
    public const string FormatProperty = "format";
    public const string VersionProperty = "version";
    public const string AsOfProperty = "asOf";
    public const string TitlesProperty = "titles";

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>Enum values are written upper-case, as in the GraphQL API (MOVIE, YOUTUBE, TRAILER).</summary>
    public static string EnumText<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToUpperInvariant();

    public static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !text.Any(char.IsAsciiDigit);

    public static string InstantText(DateTime utc) => utc.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with an explicit offset or Z (a bare local time is ambiguous), as UTC.</summary>
    public static bool TryParseInstant(string text, out DateTime utc)
    {
        utc = default;
        if (text.Length < 20 || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
            return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        utc = parsed.UtcDateTime;
        return true;
    }

    /// <summary>"1994-09-14", or "1994" for a year-only release.</summary>
    public static string ReleaseText(Title title) => title.ReleaseDate is { } date
        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : title.ReleaseYear!.Value.ToString("D4", CultureInfo.InvariantCulture);

    public static bool TryParseRelease(string text, out DateOnly? date, out int year)
    {
        (date, year) = (null, 0);
        if (text.Length == 4)
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year);
        if (!(TryParseIsoDate(text, out var parsed) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed)))
            return false;
        (date, year) = (parsed, parsed.Year);
        return true;
    }

    /// <summary>
    /// The common "YYYY-MM-DD" of a valid date without the culture-aware parser (a twentieth of an import's
    /// reading); anything else is left to <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/>.
    /// </summary>
    private static bool TryParseIsoDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text.AsSpan(0, 4), out var year) || !TryDigits(text.AsSpan(5, 2), out var month) || !TryDigits(text.AsSpan(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
