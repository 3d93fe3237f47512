using System.Text;

namespace Catalog.Core.Titles.Rules;

/// <summary>Checks shared by every free-text value a viewer, a curator or an import writes.</summary>
public static class TextRules
{
    /// <summary>
    /// Null when the (already trimmed) text is acceptable, else why not: too long, a control character
    /// (line breaks and tabs are allowed only in <paramref name="multiline"/> text), an invisible
    /// character that disguises text (<see cref="IsDisguising"/>) or broken UTF-16.
    /// </summary>
    public static string? Problem(string text, string field, int maxLength, bool multiline = false)
    {
        if (text.Length > maxLength)
            return $"{field} is {text.Length} characters long; the limit is {maxLength}";
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                return $"{field} contains a control character (U+{(int)c:X4})";
            if (IsDisguising(c))
                return $"{field} contains an invisible formatting character (U+{(int)c:X4}) that can disguise text";
        }

        return IsWellFormed(text) ? null : $"{field} is not valid Unicode text";
    }

    /// <summary>Trimmed, or null when blank.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Bidirectional embeddings, overrides and isolates (they reorder what a reader sees, U+202E turns
    /// "txt.exe" into "exe.txt"), zero-width spaces, invisible operators and stray byte order marks.
    /// The joiners (U+200C, U+200D) and the directional marks (U+200E, U+200F) stay: scripts and emoji need them.
    /// </summary>
    private static bool IsDisguising(char c) => c is
        (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or
        (>= '\u2060' and <= '\u2064') or (>= '\u206A' and <= '\u206F') or '\uFEFF';

    private static bool IsWellFormed(string text)
    {
        // Only surrogates can be ill-formed; most text has none.
        var rest = text.AsSpan();
        if (!rest.ContainsAnyInRange('\uD800', '\uDFFF'))
            return true;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != System.Buffers.OperationStatus.Done)
                return false;
            rest = rest[used..];
        }

        return true;
    }
}
