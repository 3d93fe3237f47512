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

    public static string Normalize(string tag) => Whitespace().Replace(tag.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
