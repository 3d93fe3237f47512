using System.Globalization;
using System.Text;

namespace Catalog.Core.Titles;

/// <summary>Stable, URL-safe title ids derived from data every source has.</summary>
public static class TitleIds
{
    public const int MaxLength = 128;

    /// <summary>"Léon: The Professional" released 1994 → "leon-the-professional-1994".</summary>
    public static string Slug(string name, int? year)
    {
        var builder = new StringBuilder(name.Length + 5);
        var dash = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                    builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (c != '\'' && c != '’')
            {
                dash = true;
            }
        }

        if (builder.Length == 0)
            builder.Append("untitled");
        if (builder.Length > MaxLength - 6)
            builder.Length = MaxLength - 6;
        if (year is int y)
            builder.Append('-').Append(y.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    /// <summary>True for ids made of letters, digits, '-', '_' and '.', at most <see cref="MaxLength"/> long.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
