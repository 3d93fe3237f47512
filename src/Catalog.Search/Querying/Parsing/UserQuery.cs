using Catalog.Core.Search;
using Catalog.Search.Analysis;
using Catalog.Search.Querying.Fallbacks;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Parsing;

/// <summary>One word of the user's text: its folded form, its synopsis stem (null for stop words) and its fuzziness.</summary>
internal sealed record QueryWord(string Term, string? Stem, bool IsLast)
{
    /// <summary>Typo tolerance by length: 1 edit from 4 characters, 2 from 8; strictly, 1 from 5 and never 2.</summary>
    public int MaxEdits => Tolerance == TypoTolerance.Strict
        ? (Term.Length >= 5 ? 1 : 0)
        : Term.Length >= 8 ? 2 : Term.Length >= 4 ? 1 : 0;

    public TypoTolerance Tolerance { get; init; }

    /// <summary>Exactly matched by many titles, so taken as spelled right (<see cref="CommonWords"/>).</summary>
    public bool IsCommon { get; init; }

    /// <summary>The edits its typo variants may have: none for a common word.</summary>
    public int TypoEdits => IsCommon ? 0 : MaxEdits;

    public bool IsStopWord => Stem is null;

    /// <summary>Typed as one token with the next word ("e.t.", "wall-e"): glued to it, it is the word typed, not a typo.</summary>
    public bool TypedWithNext { get; init; }
}

/// <summary>The user's text as words and as the Lucene query built from them (never parsed as syntax).</summary>
internal sealed record UserQuery(string Text, IReadOnlyList<QueryWord> Words, Query Query)
{
    /// <summary>The typo tolerance it was built with: its fallback readings keep it.</summary>
    public TypoTolerance Tolerance { get; init; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Adjacent words joined ("spider man" → spiderman): titles may write them as one word.</summary>
    public IEnumerable<string> JoinedPairs => Words.Zip(Words.Skip(1), (a, b) => a.Term + b.Term);
}

/// <summary>
/// Builds the relevance query: every word must match some field (stop words only may); the last word also
/// matches as a prefix; words of 4+ characters also match with typos unless many titles hold the word
/// itself (<see cref="CommonWords"/>). Each alternative scores the units of <see cref="RankingRules"/> for its
/// typo and field class (a word counts its best alternative), and the phrase, glued-words and exactness
/// clauses add theirs, so the score orders titles by those rules. Terms no segment holds are left out (they
/// could match nothing), and the exact terms' per-segment lookups are done once, for both the common-word
/// test and the query's weights.
/// </summary>
internal sealed class UserQueryBuilder(CatalogAnalyzers analyzers)
{
    public const int MaxChars = 300;
    public const int MaxWords = 12;

    private const int MaxTypoTerms = 20;

    public IReadOnlyList<QueryWord> Words(string? text, TypoTolerance tolerance = TypoTolerance.Normal)
    {
        var clean = Clean(text);
        var tokens = analyzers.AnalyzeQuery(IndexFields.Name, clean).Take(MaxWords).ToList();
        return [.. tokens.Select((token, i) => new QueryWord(token.Term, Stem(token.Term), i == tokens.Count - 1)
        {
            Tolerance = tolerance,
            TypedWithNext = i < tokens.Count - 1 && !clean[token.EndOffset..Math.Max(token.EndOffset, tokens[i + 1].StartOffset)].Any(char.IsWhiteSpace),
        })];
    }

    /// <summary>
    /// The query of the text; with <paramref name="typosOfCommonWords"/> a common word also matches its typo variants
    /// (the typo-variants fallback, <see cref="QueryFallbacks"/>), which still score below exact matches.
    /// </summary>
    public UserQuery Build(string? text, CatalogSearcher searcher, TypoTolerance tolerance = TypoTolerance.Normal, bool typosOfCommonWords = false)
    {
        var reader = searcher.IndexReader;
        var clean = Clean(text);
        var parsed = Words(clean, tolerance);
        if (parsed.Count == 0)
            return new UserQuery(clean, parsed, new MatchAllDocsQuery()) { Tolerance = tolerance };

        var exact = parsed.Select(w => ExactTerms.Of(reader, w.Term)).ToList();
        var words = parsed.Select((w, i) => w with { IsCommon = !typosOfCommonWords && CommonWords.IsCommon(reader, exact[i].MaxDocFreq) }).ToList();
        var query = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < words.Count; i++)
        {
            var previous = i > 0 ? words[i - 1] : null;
            var next = i < words.Count - 1 ? words[i + 1] : null;
            var optional = words[i].IsStopWord && words.Count > 1;
            query.Add(WordClause(words[i], exact[i], previous, next, searcher, optional), optional ? Occur.SHOULD : Occur.MUST);
        }

        foreach (var key in analyzers.AnalyzeQuery(IndexFields.NameExact, ExactnessClause.ArticleInFront(clean)).Take(1))
        {
            if (ExactnessClause.For(reader, key.Term) is { } exactness)
                query.Add(exactness, Occur.SHOULD);
        }

        if (words.Count > 1)
        {
            AddPhraseIfHeld(query, IndexFields.Name, words, exact.Select(e => e.Name));
            AddPhraseIfHeld(query, IndexFields.People, words, exact.Select(e => e.People));
            AddPhraseIfHeld(query, IndexFields.TagsText, words, exact.Select(e => e.Tags));
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (exact[i].Name.DocFreq > 0)
                GluedWords.AddTo(query, reader, words[i].Term);
        }

        return new UserQuery(clean, words, query) { Tolerance = tolerance };
    }

    /// <summary>A word's alternatives; an <paramref name="optional"/> stop word counts only for the field rule.</summary>
    private static DisjunctionMaxQuery WordClause(QueryWord word, ExactTerms exact, QueryWord? previous, QueryWord? next, CatalogSearcher searcher, bool optional)
    {
        var reader = searcher.IndexReader;
        float Value(TypoClass typo, FieldClass field) => RankingRules.WordValue(typo, field, optional);

        var clause = new DisjunctionMaxQuery(0f);
        AddIfHeld(clause, exact.Name, Value(TypoClass.Exact, FieldClass.Name));
        AddIfHeld(clause, exact.Tags, Value(TypoClass.Exact, FieldClass.PeopleOrTags));
        AddIfHeld(clause, exact.People, Value(TypoClass.Exact, FieldClass.PeopleOrTags));
        foreach (var alias in NumberAliases.Of(word.Term))
            AddIfHeld(clause, reader, IndexFields.Name, alias, Value(TypoClass.Exact, FieldClass.Name));
        if (word.Stem is { } stem)
            AddIfHeld(clause, reader, IndexFields.Synopsis, stem, Value(TypoClass.Exact, FieldClass.Synopsis));
        if (word.IsLast)
        {
            var prefix = Value(TypoClass.Prefix, FieldClass.PeopleOrTags);
            clause.Add(Term(IndexFields.NamePrefix, word.Term, Value(TypoClass.Prefix, FieldClass.Name)));
            WordPrefixes.AddTo(clause, reader, IndexFields.TagsText, word.Term, prefix);
            WordPrefixes.AddTo(clause, reader, IndexFields.People, word.Term, prefix);
        }

        AddTypos(clause, searcher, IndexFields.Name, word, FieldClass.Name);
        AddTypos(clause, searcher, IndexFields.TagsText, word, FieldClass.PeopleOrTags);
        AddTypos(clause, searcher, IndexFields.People, word, FieldClass.PeopleOrTags);

        // Words glued into one ("wall e" for walle) count as a typo, unless they were typed as one ("e.t." for et).
        if (previous is not null)
            AddIfHeld(clause, reader, IndexFields.Name, previous.Term + word.Term, Value(previous.TypedWithNext ? TypoClass.Exact : TypoClass.OneTypo, FieldClass.Name));
        if (next is not null)
            AddIfHeld(clause, reader, IndexFields.Name, word.Term + next.Term, Value(word.TypedWithNext ? TypoClass.Exact : TypoClass.OneTypo, FieldClass.Name));

        return clause;
    }

    private string? Stem(string term) =>
        analyzers.AnalyzeQuery(IndexFields.Synopsis, term).Select(t => t.Term).FirstOrDefault();

    private static string Clean(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length <= MaxChars)
            return trimmed;
        var cut = char.IsHighSurrogate(trimmed[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
        return trimmed[..cut];
    }

    private static TermQuery Term(string field, string term, float boost) =>
        Boosted(new TermQuery(new Term(field, term)), boost);

    private static void AddIfHeld(DisjunctionMaxQuery clause, IndexReader reader, string field, string term, float boost) =>
        AddIfHeld(clause, ExactTerms.Lookup(reader, field, term), boost);

    private static void AddIfHeld(DisjunctionMaxQuery clause, HeldTerm term, float boost)
    {
        if (term.DocFreq > 0)
            clause.Add(Boosted(term.Query, boost));
    }

    /// <summary>Index terms one or two edits away, each its own alternative (the best one counts), 2 edits weighing less.</summary>
    private static void AddTypos(DisjunctionMaxQuery clause, CatalogSearcher searcher, string field, QueryWord word, FieldClass fieldClass)
    {
        foreach (var typo in FuzzyCandidates.Find(searcher, field, word.Term, word.TypoEdits, MaxTypoTerms))
        {
            if (typo.Edits > 0)
                clause.Add(Term(field, typo.Term, RankingRules.WordValue(typo.Edits == 1 ? TypoClass.OneTypo : TypoClass.TwoTypos, fieldClass)));
        }
    }

    /// <summary>
    /// The words' phrase in <paramref name="field"/>, left out when the field holds one of them nowhere: it could match
    /// nothing, and Lucene's phrase weight would still look every word up in every segment with enumerators of its own
    /// (the benchmark's cold pass at 1M allocated 2.6 MB per query with all three phrases, 2.2 MB without these).
    /// </summary>
    private static void AddPhraseIfHeld(BooleanQuery query, string field, IReadOnlyList<QueryWord> words, IEnumerable<HeldTerm> held)
    {
        if (held.All(term => term.DocFreq > 0))
            query.Add(Phrase(field, words.Select(w => w.Term)), Occur.SHOULD);
    }

    private static PhraseQuery Phrase(string field, IEnumerable<string> terms)
    {
        var phrase = new PhraseQuery { Slop = 1 };
        foreach (var term in terms)
            phrase.Add(new Term(field, term));
        return Boosted(phrase, RankingRules.Proximity);
    }

    private static T Boosted<T>(T query, float boost)
        where T : Query
    {
        query.Boost = boost;
        return query;
    }
}
