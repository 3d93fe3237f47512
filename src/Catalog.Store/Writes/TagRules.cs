using System.Text.RegularExpressions;

namespace Catalog.Store.Writes;

/// <summary>How tags are stored: trimmed, inner whitespace collapsed, lower-case, unique, bounded.</summary>
public static partial class TagRules
{
    public const int MaxTags = 100;
    public const int MaxTagLength = 100;

    public static List<string> Normalize(IEnumerable<string?> tags)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in tags)
        {
            var tag = Whitespace().Replace(TextRules.Clean(raw, "a tag", MaxTagLength, multiline: true, allowEmpty: true), " ").ToLowerInvariant();
            if (tag.Length > 0 && seen.Add(tag))
                result.Add(tag);
        }

        if (result.Count > MaxTags)
            throw WriteRejectedException.Invalid($"A title can have at most {MaxTags} tags (got {result.Count}).");
        return result;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
