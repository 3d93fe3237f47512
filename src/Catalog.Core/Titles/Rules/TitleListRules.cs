namespace Catalog.Core.Titles.Rules;

/// <summary>The list-valued fields of <see cref="TitleRules"/>: names, languages, countries, genres, people, tags.</summary>
internal static class TitleListRules
{
    private const int ShortList = 16;

    public static void Check(Title title, RuleOutcome outcome)
    {
        title.AlternateNames = Entries(title.AlternateNames, nameof(Title.AlternateNames), "alternateNames", outcome);
        title.Languages = Entries(title.Languages, nameof(Title.Languages), "languages", outcome);
        title.Countries = Entries(title.Countries, nameof(Title.Countries), "countries", outcome);
        title.Genres = Entries(title.Genres, nameof(Title.Genres), "genres", outcome);
        title.Directors = Entries(title.Directors, nameof(Title.Directors), "directors", outcome);
        title.Cast = Entries(title.Cast, nameof(Title.Cast), "cast", outcome);
        title.Tags = Entries(title.Tags, nameof(Title.Tags), "tags", outcome, isTags: true);
    }

    /// <summary>
    /// Trimmed (tags normalised), blank entries skipped, repeats ignoring case removed with the first
    /// spelling and order kept; a bad entry is dropped, entries beyond the limit are cut off.
    /// </summary>
    private static List<string> Entries(List<string>? values, string property, string field, RuleOutcome outcome, bool isTags = false)
    {
        if (!outcome.Covers(property) || values is null)
            return values ?? [];
        var (maxItems, maxLength) = isTags ? (TagRules.MaxTags, TagRules.MaxTagLength) : (TitleRules.MaxListItems, TitleRules.MaxListItemLength);
        var result = new List<string>(values.Count);
        var label = values.Count == 0 ? "" : $"an entry of {field}";
        // Most lists are short: a scan finds repeats there without building a set for every list of every title.
        var seen = values.Count > ShortList ? new HashSet<string>(values.Count, StringComparer.OrdinalIgnoreCase) : null;
        foreach (var value in values)
        {
            var entry = (isTags ? TagRules.Normalize(value ?? "") : value?.Trim()) ?? "";
            if (entry.Length == 0)
                continue;
            // Tags may be pasted with tabs or line breaks: normalising turned them into spaces.
            if (TextRules.Problem(entry, label, maxLength) is { } problem)
            {
                outcome.Drop(problem);
                continue;
            }

            if (seen?.Add(entry) ?? !ContainsIgnoringCase(result, entry))
                result.Add(entry);
        }

        return result.Count > maxItems && outcome.Drop($"{field} has more than {maxItems} entries", $"kept the first {maxItems}")
            ? result[..maxItems]
            : result;
    }

    private static bool ContainsIgnoringCase(List<string> entries, string entry)
    {
        foreach (var kept in entries)
        {
            if (string.Equals(kept, entry, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
