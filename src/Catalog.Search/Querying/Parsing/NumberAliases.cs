using System.Globalization;

namespace Catalog.Search.Querying.Parsing;

/// <summary>
/// A number written another way: "2", "ii" and "two" name the same part of a series ("godfather 2" is The Godfather:
/// Part II, "12 monkeys" is Twelve Monkeys), so each is an exact alternative of the others, 1 to 20. The one-letter
/// numerals (i, v, x) are read as letters ("x men", "v for vendetta") and only written for a typed digit.
/// </summary>
internal static class NumberAliases
{
    private const int Largest = 20;

    private static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    private static readonly string[] Romans =
    [
        "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
        "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];

    /// <summary>The other spellings of <paramref name="word"/> when it is a number from 1 to 20 (none otherwise).</summary>
    public static IEnumerable<string> Of(string word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= Largest
            && word == number.ToString(CultureInfo.InvariantCulture))
            return number == 1 ? [Words[number]] : [Romans[number], Words[number]];
        var roman = Array.IndexOf(Romans, word);
        if (roman > 1 && word.Length > 1)
            return [roman.ToString(CultureInfo.InvariantCulture), Words[roman]];
        var spelled = Array.IndexOf(Words, word);
        if (spelled < 1)
            return [];
        var digits = spelled.ToString(CultureInfo.InvariantCulture);
        return spelled == 1 ? [digits] : [digits, Romans[spelled]];
    }
}
