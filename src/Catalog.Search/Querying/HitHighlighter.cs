using System.Text;
using Catalog.Core.Search;
using Catalog.Search.Analysis;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Schema;

namespace Catalog.Search.Querying;

/// <summary>
/// Marks the words of the name and synopsis that the query matched (exactly, as the typed prefix, with a
/// tolerated typo, or written together/apart), re-tokenizing the stored text with the query analyzers.
/// Everything else is HTML-escaped, so a stored "&lt;script&gt;" can never become markup.
/// </summary>
internal sealed class HitHighlighter(CatalogAnalyzers analyzers)
{
    public const int SnippetLength = 200;
    private const int LeadIn = 60;

    public IReadOnlyList<Highlight> For(UserQuery query, string? name, string? synopsis)
    {
        var highlights = new List<Highlight>();
        if (!string.IsNullOrEmpty(name) && Spans(IndexFields.Name, name, t => MatchesName(t, query)) is { Count: > 0 } nameSpans)
            highlights.Add(new Highlight(IndexFields.Name, Render(name, nameSpans, 0, name.Length)));
        if (!string.IsNullOrEmpty(synopsis) && Spans(IndexFields.Synopsis, synopsis, t => MatchesSynopsis(t, query)) is { Count: > 0 } synopsisSpans)
        {
            var (start, end) = Window(synopsis, synopsisSpans[0].Start);
            highlights.Add(new Highlight(IndexFields.Synopsis, Render(synopsis, synopsisSpans, start, end)));
        }

        return highlights;
    }

    private static bool MatchesName(string token, UserQuery query) =>
        query.Words.Any(w => token == w.Term || (w.IsLast && token.StartsWith(w.Term, StringComparison.Ordinal)) || EditDistance.IsTypoOf(token, w))
        || query.JoinedPairs.Contains(token, StringComparer.Ordinal);

    private static bool MatchesSynopsis(string token, UserQuery query) =>
        query.Words.Any(w => w.Stem is { } stem && (token == stem || (w.IsLast && token.StartsWith(w.Term, StringComparison.Ordinal))));

    /// <summary>Character spans of matching tokens; two adjacent tokens also match when joined ("spider"+"man").</summary>
    private List<(int Start, int End)> Spans(string field, string text, Func<string, bool> matches)
    {
        var tokens = analyzers.AnalyzeQuery(field, text);
        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (matches(tokens[i].Term))
                spans.Add((tokens[i].StartOffset, tokens[i].EndOffset));
            else if (i + 1 < tokens.Count && matches(tokens[i].Term + tokens[i + 1].Term))
                spans.Add((tokens[i].StartOffset, tokens[i + 1].EndOffset));
        }

        spans.Sort();
        return spans;
    }

    /// <summary>Escapes the five HTML-significant characters; every other character stays as it is (é, ü, …).</summary>
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static (int Start, int End) Window(string text, int firstMatch)
    {
        if (text.Length <= SnippetLength)
            return (0, text.Length);
        var start = Math.Max(0, firstMatch - LeadIn);
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < firstMatch)
            start = space + 1;
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var last && last > firstMatch)
            end = last;
        return (start, end);
    }

    private static string Render(string text, List<(int Start, int End)> spans, int start, int end)
    {
        var html = new StringBuilder();
        if (start > 0)
            html.Append('…');
        var position = start;
        foreach (var (spanStart, spanEnd) in spans)
        {
            if (spanStart < position || spanEnd > end)
                continue;
            html.Append(Escape(text[position..spanStart]))
                .Append("<mark>").Append(Escape(text[spanStart..spanEnd])).Append("</mark>");
            position = spanEnd;
        }

        html.Append(Escape(text[position..end]));
        if (end < text.Length)
            html.Append('…');
        return html.ToString();
    }
}
