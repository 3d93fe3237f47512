using System.Text.RegularExpressions;

namespace Catalog.Core.Titles.Rules;

/// <summary>
/// How tags are spelled wherever they come from (curator edits, every import format, filter input):
/// trimmed, inner whitespace collapsed, lower-case, accents kept ("  Dark   Comedy " → "dark comedy").
/// </summary>
public static partial class TagRules
{
    public const int MaxTags = 100;
    public const int MaxTagLength = 100;

    public static string Normalize(string tag)
    {
        var trimmed = tag.Trim();
        return (NeedsCollapsing(trimmed) ? Whitespace().Replace(trimmed, " ") : trimmed).ToLowerInvariant();
    }

    /// <summary>True when the text has whitespace other than single spaces (the regular expression is the slow path).</summary>
    private static bool NeedsCollapsing(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
                return true;
        }

        return false;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
