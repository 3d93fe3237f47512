using System.Globalization;
using System.Text;

namespace Catalog.Store.Import.Vega;

/// <summary>
/// Undoes one specific breakage: Windows-1252/Latin-1 bytes that were decoded as Mac Roman ("LÈon" for
/// "Léon", "2Ω" for "2½"). The text is re-encoded as Mac Roman and decoded as Windows-1252; the repair
/// is kept only when both steps are lossless and the result looks more like real text than the input,
/// so genuine symbols ("Ri¢hie Ri¢h", "Alien³") stay as they are.
/// </summary>
public static class MojibakeRepair
{
    private static readonly Encoding MacRoman = CodePagesEncodingProvider.Instance.GetEncoding(10000, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    public static bool TryRepair(string text, out string repaired)
    {
        repaired = text;
        if (text.All(char.IsAscii))
            return false;
        try
        {
            repaired = Windows1252.GetString(MacRoman.GetBytes(AsWindowsMacRoman(text)));
        }
        catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException)
        {
            repaired = text;
            return false;
        }

        if (repaired != text && OddCharacters(repaired) < OddCharacters(text))
            return true;
        repaired = text;
        return false;
    }

    /// <summary>Apple's Mac Roman table (which produced the mojibake) and Windows code page 10000 differ in two places.</summary>
    private static string AsWindowsMacRoman(string text) => text.Replace('\u03A9', '\u2126').Replace('\u20AC', '\u00A4');

    /// <summary>
    /// Characters that rarely occur in real titles: an accented capital inside a word or standing alone,
    /// a non-Latin letter, control characters, and symbols or numbers glued to letters.
    /// </summary>
    internal static int OddCharacters(string text)
    {
        var odd = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAscii(c))
                continue;
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            var category = char.GetUnicodeCategory(c);
            odd += category switch
            {
                UnicodeCategory.UppercaseLetter when !char.IsLetter(before) && char.IsLetter(after) => 0,
                UnicodeCategory.UppercaseLetter => 1,
                _ when char.IsLetter(c) => c is >= '\u00C0' and <= '\u024F' ? 0 : 1,
                UnicodeCategory.Control => 1,
                UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.DashPunctuation => 0,
                _ when c == '…' => 0,
                _ => char.IsLetter(before) || char.IsLetter(after) ? 1 : 0,
            };
        }

        return odd;
    }
}
