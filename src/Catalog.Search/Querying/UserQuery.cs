using Catalog.Search.Analysis;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying;

/// <summary>One word of the user's text: its folded form, its synopsis stem (null for stop words) and its fuzziness.</summary>
internal sealed record QueryWord(string Term, string? Stem, bool IsLast)
{
    /// <summary>Typo tolerance by length: 1 edit from 4 characters, 2 from 8.</summary>
    public int MaxEdits => Term.Length >= 8 ? 2 : Term.Length >= 4 ? 1 : 0;

    /// <summary>Exactly matched by many titles, so taken as spelled right (<see cref="CommonWords"/>).</summary>
    public bool IsCommon { get; init; }

    /// <summary>The edits its typo variants may have: none for a common word.</summary>
    public int TypoEdits => IsCommon ? 0 : MaxEdits;

    public bool IsStopWord => Stem is null;
}

/// <summary>The user's text as words and as the Lucene query built from them (never parsed as syntax).</summary>
internal sealed record UserQuery(string Text, IReadOnlyList<QueryWord> Words, Query Query)
{
    public bool IsEmpty => Words.Count == 0;

    /// <summary>Adjacent words joined ("spider man" → spiderman): titles may write them as one word.</summary>
    public IEnumerable<string> JoinedPairs => Words.Zip(Words.Skip(1), (a, b) => a.Term + b.Term);
}

/// <summary>
/// Builds the relevance query: every word must match some field (stop words only may), name matches
/// weigh more than tags, genres and people, which weigh more than the synopsis; the last word also
/// matches as a prefix; words of 4+ characters also match with typos, boosted below exact matches, unless
/// many titles hold the word itself (<see cref="CommonWords"/>); exact-name and phrase matches add on top.
/// Terms no segment holds are left out (they could match nothing), and the exact terms' per-segment
/// lookups are done once, for both the common-word test and the query's weights.
/// </summary>
internal sealed class UserQueryBuilder(CatalogAnalyzers analyzers)
{
    public const int MaxChars = 300;
    public const int MaxWords = 12;

    private const float NameBoost = 3f;
    private const float FieldBoost = 2f;
    private const float SynopsisBoost = 1f;
    private const float PrefixBoost = 1.5f;
    private const float FuzzyBoost = 0.4f;
    private const float ExactNameBoost = 10f;
    private const float PhraseBoost = 4f;
    private const int MaxTypoTerms = 20;

    public IReadOnlyList<QueryWord> Words(string? text)
    {
        var clean = Clean(text);
        var terms = analyzers.AnalyzeQuery(IndexFields.Name, clean)
            .Select(t => t.Term)
            .Take(MaxWords)
            .ToList();
        return [.. terms.Select((term, i) => new QueryWord(term, Stem(term), i == terms.Count - 1))];
    }

    /// <summary>
    /// The query of the text; with <paramref name="typosOfCommonWords"/> a common word also matches its typo variants
    /// (the typo-variants fallback, <see cref="QueryFallbacks"/>), which still score below exact matches.
    /// </summary>
    public UserQuery Build(string? text, IndexReader reader, bool typosOfCommonWords = false)
    {
        var clean = Clean(text);
        var parsed = Words(clean);
        if (parsed.Count == 0)
            return new UserQuery(clean, parsed, new MatchAllDocsQuery());

        var exact = parsed.Select(w => ExactTerms.Of(reader, w.Term)).ToList();
        var words = parsed.Select((w, i) => w with { IsCommon = !typosOfCommonWords && CommonWords.IsCommon(reader, exact[i].MaxDocFreq) }).ToList();
        var query = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < words.Count; i++)
        {
            var previous = i > 0 ? words[i - 1].Term : null;
            var next = i < words.Count - 1 ? words[i + 1].Term : null;
            query.Add(WordClause(words[i], exact[i], previous, next, reader), words[i].IsStopWord && words.Count > 1 ? Occur.SHOULD : Occur.MUST);
        }

        foreach (var key in analyzers.AnalyzeQuery(IndexFields.NameExact, clean).Take(1))
            query.Add(Boosted(new TermQuery(new Term(IndexFields.NameExact, key.Term)), ExactNameBoost), Occur.SHOULD);
        if (words.Count > 1)
        {
            query.Add(Phrase(IndexFields.Name, words.Select(w => w.Term), PhraseBoost), Occur.SHOULD);
            query.Add(Phrase(IndexFields.People, words.Select(w => w.Term), PhraseBoost / 2), Occur.SHOULD);
            query.Add(Phrase(IndexFields.TagsText, words.Select(w => w.Term), PhraseBoost / 2), Occur.SHOULD);
        }

        return new UserQuery(clean, words, query);
    }

    private static DisjunctionMaxQuery WordClause(QueryWord word, ExactTerms exact, string? previous, string? next, IndexReader reader)
    {
        var clause = new DisjunctionMaxQuery(0.1f);
        AddIfHeld(clause, exact.Name, NameBoost);
        AddIfHeld(clause, exact.Tags, FieldBoost);
        AddIfHeld(clause, exact.People, FieldBoost);
        if (word.Stem is { } stem)
            AddIfHeld(clause, reader, IndexFields.Synopsis, stem, SynopsisBoost);
        if (word.IsLast)
        {
            clause.Add(Term(IndexFields.NamePrefix, word.Term, PrefixBoost));
            WordPrefixes.AddTo(clause, reader, IndexFields.TagsText, word.Term, PrefixBoost * 0.6f);
            WordPrefixes.AddTo(clause, reader, IndexFields.People, word.Term, PrefixBoost * 0.6f);
        }

        AddTypos(clause, reader, IndexFields.Name, word, FuzzyBoost * NameBoost);
        AddTypos(clause, reader, IndexFields.TagsText, word, FuzzyBoost * FieldBoost);
        AddTypos(clause, reader, IndexFields.People, word, FuzzyBoost * FieldBoost);

        foreach (var joined in new[] { previous + word.Term, word.Term + next })
        {
            if (joined.Length > word.Term.Length)
                AddIfHeld(clause, reader, IndexFields.Name, joined, NameBoost);
        }

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
    private static void AddTypos(DisjunctionMaxQuery clause, IndexReader reader, string field, QueryWord word, float boost)
    {
        foreach (var typo in FuzzyCandidates.Find(reader, field, word.Term, word.TypoEdits, MaxTypoTerms))
        {
            if (typo.Edits > 0)
                clause.Add(Term(field, typo.Term, typo.Edits == 1 ? boost : boost / 2));
        }
    }

    private static PhraseQuery Phrase(string field, IEnumerable<string> terms, float boost)
    {
        var phrase = new PhraseQuery { Slop = 1 };
        foreach (var term in terms)
            phrase.Add(new Term(field, term));
        return Boosted(phrase, boost);
    }

    private static T Boosted<T>(T query, float boost)
        where T : Query
    {
        query.Boost = boost;
        return query;
    }
}
