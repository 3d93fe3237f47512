using System.Text;

namespace Catalog.Store.Writes;

/// <summary>Checks shared by every free-text field a viewer or curator writes.</summary>
public static class TextRules
{
    /// <summary>
    /// Trimmed text, or a rejection when it is empty (unless allowed), too long, holds control characters
    /// (line breaks and tabs are allowed only in <paramref name="multiline"/> text) or broken UTF-16.
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
        }

        if (!IsWellFormed(text))
            throw WriteRejectedException.Invalid($"{field} is not valid Unicode text.");
        return text;
    }

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
