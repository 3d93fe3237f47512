using System.Text.Json;

namespace Catalog.Benchmarks.Generation;

/// <summary>
/// Real words read at run time from a sample catalog (the repo's data/catalog.json unless --vocabulary
/// names another file, e.g. vega-movies.json): used for vocabulary only, never copied into the repo. Property names are matched
/// loosely so both formats work.
/// </summary>
internal sealed class SeedVocabulary
{
    private static readonly string[] NameKeys = ["name", "title", "originalname", "alternatenames"];
    private static readonly string[] TagKeys = ["tags", "creative type", "source", "distributor"];
    private static readonly string[] GenreKeys = ["genres", "major genre"];
    private static readonly string[] PeopleKeys = ["directors", "cast", "director", "people"];
    private static readonly string[] SynopsisKeys = ["synopsis", "overview", "description"];

    /// <summary>Title words with how often they occur in the sample (common words get common Zipf ranks).</summary>
    public Dictionary<string, int> TitleWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Genres { get; } = new(StringComparer.Ordinal);
    public HashSet<string> PersonNames { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SynopsisWords { get; } = new(StringComparer.Ordinal);
    public string Source { get; private set; } = "none (generated words only)";

    public static SeedVocabulary Load(string? path)
    {
        var vocabulary = new SeedVocabulary();
        if (path is null || !File.Exists(path))
            return vocabulary;
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        vocabulary.Walk(document.RootElement, null);
        vocabulary.Source = path;
        return vocabulary;
    }

    /// <summary>The file given, else the repo's sample catalog when it exists (resolved from the repo root, never a machine path).</summary>
    public static string? Locate(string repoRoot, string? explicitPath)
    {
        if (explicitPath is not null)
            return explicitPath;
        var sample = Path.Combine(repoRoot, "data", "catalog.json");
        return File.Exists(sample) ? sample : null;
    }

    private void Walk(JsonElement element, string? key)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, property.Name.ToLowerInvariant());
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, key);
                break;
            case JsonValueKind.String when key is not null:
                Collect(key, element.GetString()!);
                break;
        }
    }

    private void Collect(string key, string text)
    {
        if (NameKeys.Contains(key))
            AddWords(TitleWords, text);
        else if (TagKeys.Contains(key))
            AddPhrase(Tags, text.ToLowerInvariant());
        else if (GenreKeys.Contains(key))
            AddPhrase(Genres, text);
        else if (PeopleKeys.Contains(key))
            AddWords(PersonNames, text);
        else if (SynopsisKeys.Contains(key))
            AddWords(SynopsisWords, text.ToLowerInvariant());
    }

    private static void AddPhrase(HashSet<string> set, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is > 1 and < 40)
            set.Add(trimmed);
    }

    private static void AddWords(HashSet<string> set, string text)
    {
        foreach (var word in Words(text))
            set.Add(word);
    }

    private static void AddWords(Dictionary<string, int> counts, string text)
    {
        foreach (var word in Words(text))
            counts[word] = counts.GetValueOrDefault(word) + 1;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', ':', ';', '.', '!', '?', '(', ')', '"', '/', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Where(raw => raw.Length >= 2 && raw.All(c => char.IsLetter(c) || c is '\'' or '-'));
}
