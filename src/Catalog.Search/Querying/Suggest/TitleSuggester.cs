using System.Globalization;
using Catalog.Core.Search;
using Catalog.Search.Analysis;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Facets;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Querying.Sorting;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using JInt64 = J2N.Numerics.Int64;

namespace Catalog.Search.Querying.Suggest;

/// <summary>
/// As-you-type suggestions: titles, genres, tags and people whose words start with the typed words.
/// Ranked by match quality (the whole value, the start of the value, then a later word of it), then
/// popularity (votes for titles, available titles for the others); each value appears once.
/// </summary>
internal sealed class TitleSuggester(CatalogAnalyzers analyzers)
{
    /// <summary>Most suggestions returned for one prefix, whatever the caller asks: as many as the API lets a caller ask for.</summary>
    public const int MaxSuggestions = 100;
    private const int MaxWords = 8;
    private const int MaxLabelsExamined = 500;

    private static readonly (string Field, SuggestionKind Kind)[] ValueFields =
        [(IndexFields.Genre, SuggestionKind.Genre), (IndexFields.Tag, SuggestionKind.Tag), (IndexFields.Person, SuggestionKind.Person)];

    private sealed record Candidate(Suggestion Suggestion, int Quality, long Popularity);

    public IReadOnlyList<Suggestion> Suggest(CatalogSearcher searcher, string? prefix, int first, Filter available)
    {
        first = Math.Clamp(first, 0, MaxSuggestions);
        var text = (prefix ?? string.Empty).Trim();
        var words = analyzers.AnalyzeQuery(IndexFields.Name, text.Length > 200 ? text[..200] : text)
            .Select(t => t.Term).Take(MaxWords).ToList();
        if (words.Count == 0 || first == 0)
            return [];
        var candidates = Titles(searcher, words, first, available).Concat(Values(searcher, words, first, available));
        return [.. candidates
            .OrderBy(c => c.Quality)
            .ThenByDescending(c => c.Popularity)
            .ThenBy(c => c.Suggestion.Kind)
            .ThenBy(c => c.Suggestion.Text, StringComparer.Ordinal)
            .Select(c => c.Suggestion)
            .Distinct()
            .Take(first)];
    }

    private IEnumerable<Candidate> Titles(IndexSearcher searcher, List<string> words, int first, Filter available)
    {
        var last = words[^1];
        var query = WordsQuery(IndexFields.Name, last.Length <= 20 ? new TermQuery(new Term(IndexFields.NamePrefix, last)) : new PrefixQuery(new Term(IndexFields.Name, last)), words);
        var sort = new Sort(SortField.FIELD_SCORE, TitleSorts.Popularity, TitleSorts.IdTieBreaker);
        var page = Paging.Run(searcher, query, available, sort, first * 2, after: null);
        foreach (var hit in page.Hits)
        {
            var name = searcher.Doc(hit.Doc, new HashSet<string> { IndexFields.Name }).Get(IndexFields.Name) ?? Paging.IdOf(hit);
            if (Quality(name, words) is { } quality)
                yield return new Candidate(new Suggestion(name, SuggestionKind.Title, Paging.IdOf(hit)), quality, ((JInt64)hit.Fields[1]).ToInt64());
        }
    }

    private IEnumerable<Candidate> Values(CatalogSearcher searcher, List<string> words, int first, Filter available)
    {
        var query = new BooleanQuery
        {
            { WordsQuery(IndexFields.TagsText, WordPrefixes.Matching(searcher.IndexReader, IndexFields.TagsText, words[^1]), words), Occur.SHOULD },
            { WordsQuery(IndexFields.People, WordPrefixes.Matching(searcher.IndexReader, IndexFields.People, words[^1]), words), Occur.SHOULD },
        };
        var counts = new FacetCollector(searcher, ValueFields.Select(f => f.Field));
        searcher.Search(query, available, counts);
        foreach (var (field, kind) in ValueFields)
        {
            var found = 0;
            var (ordinals, values) = counts.CountsOf(field);
            if (ordinals is null)
                continue;
            foreach (var ord in Enumerable.Range(0, values.Length).Where(o => values[o] > 0).OrderByDescending(o => values[o]).Take(MaxLabelsExamined))
            {
                var label = ordinals.Label(ord);
                if (Quality(label, words) is not { } quality)
                    continue;
                var text = kind == SuggestionKind.Person ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label) : label;
                yield return new Candidate(new Suggestion(text, kind, null), quality, values[ord]);
                if (++found == first)
                    break;
            }
        }
    }

    /// <summary>Every word but the last as a word, the last as the given prefix query.</summary>
    private static BooleanQuery WordsQuery(string wordField, Query lastAsPrefix, List<string> words)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in words.SkipLast(1))
            query.Add(new TermQuery(new Term(wordField, word)), Occur.MUST);
        query.Add(lastAsPrefix, Occur.MUST);
        return query;
    }

    /// <summary>0: the whole value typed; 1: the value starts with the words; 2: a later word does; null: no match.</summary>
    private int? Quality(string value, List<string> words)
    {
        var tokens = analyzers.AnalyzeQuery(IndexFields.Name, value).Select(t => t.Term).ToList();
        for (var start = 0; start + words.Count <= tokens.Count; start++)
        {
            var matches = true;
            for (var i = 0; i < words.Count && matches; i++)
            {
                var token = tokens[start + i];
                matches = i < words.Count - 1 ? token == words[i] : token.StartsWith(words[i], StringComparison.Ordinal);
            }

            if (matches)
                return start > 0 ? 2 : tokens.Count == words.Count && tokens[^1] == words[^1] ? 0 : 1;
        }

        return null;
    }
}
