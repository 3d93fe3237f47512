using System.Text;

namespace Catalog.Store.Writes;

/// <summary>Checks shared by every free-text field a viewer or curator writes.</summary>
public static class TextRules
{
    /// <summary>
    /// Trimmed text, or a rejection when it is empty (unless allowed), too long, holds control characters
    /// (line breaks and tabs are allowed only in <paramref name="multiline"/> text), invisible characters that
    /// disguise text (<see cref="IsDisguising"/>) or broken UTF-16.
    /// </summary>
    public static string Clean(string? value, string field, int maxLength, bool multiline = false, bool allowEmpty = false)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 && !allowEmpty)
            throw WriteRejectedException.Invalid($"{field} must not be empty.");
        if (text.Length > maxLength)
            throw WriteRejectedException.Invalid($"{field} is {text.Length} characters long; the limit is {maxLength}.");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                throw WriteRejectedException.Invalid($"{field} contains a control character (U+{(int)c:X4}).");
            if (IsDisguising(c))
                throw WriteRejectedException.Invalid($"{field} contains an invisible formatting character (U+{(int)c:X4}) that can disguise text.");
        }

        if (!IsWellFormed(text))
            throw WriteRejectedException.Invalid($"{field} is not valid Unicode text.");
        return text;
    }

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
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != System.Buffers.OperationStatus.Done)
                return false;
            rest = rest[used..];
        }

        return true;
    }
}
