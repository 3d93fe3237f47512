using Catalog.Search.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Analysis;

/// <summary>
/// The per-field analyzers of the index schema. <see cref="Index"/> goes to the IndexWriter (and to the
/// highlighter, which re-tokenizes stored text); <see cref="Query"/> turns user text into the tokens
/// queries are built from. They differ only where they must: the index side adds joined word pairs and
/// edge n-grams, the query side never does (a query for "ter" must not match "t"). Thread-safe.
/// </summary>
public sealed class CatalogAnalyzers : IDisposable
{
    private readonly List<Analyzer> owned = [];

    public CatalogAnalyzers()
    {
        var queryWords = Own(AnalysisChains.QueryWords);
        var indexWords = Own(AnalysisChains.IndexWords);
        var indexPrefixes = Own(AnalysisChains.IndexPrefixes);
        var synopsis = Own(AnalysisChains.Synopsis);
        var exact = Own(AnalysisChains.ExactKey);

        Index = new PerFieldAnalyzerWrapper(queryWords, new Dictionary<string, Analyzer>
        {
            [IndexFields.Name] = indexWords,
            [IndexFields.People] = indexWords,
            [IndexFields.TagsText] = indexWords,
            [IndexFields.NamePrefix] = indexPrefixes,
            [IndexFields.NameExact] = exact,
            [IndexFields.Synopsis] = synopsis,
        });
        Query = new PerFieldAnalyzerWrapper(queryWords, new Dictionary<string, Analyzer>
        {
            [IndexFields.NameExact] = exact,
            [IndexFields.Synopsis] = synopsis,
        });
    }

    /// <summary>Index-time analysis per field (IndexWriterConfig, highlighting of stored fields).</summary>
    public Analyzer Index { get; }

    /// <summary>Query-time analysis per field: words split and folded, never joined, n-grammed or parsed as syntax.</summary>
    public Analyzer Query { get; }

    /// <summary>
    /// Runs <paramref name="text"/> through <paramref name="field"/>'s query analyzer. Any string is safe:
    /// punctuation and Lucene syntax characters simply produce no tokens.
    /// </summary>
    public IReadOnlyList<AnalyzedToken> AnalyzeQuery(string field, string text) => Analyze(Query, field, text);

    /// <summary>Same as <see cref="AnalyzeQuery"/> with the index analyzer (tests, diagnostics).</summary>
    public IReadOnlyList<AnalyzedToken> AnalyzeIndex(string field, string text) => Analyze(Index, field, text);

    public void Dispose()
    {
        Index.Dispose();
        Query.Dispose();
        foreach (var analyzer in owned)
            analyzer.Dispose();
    }

    private static List<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (term.Length > 0)
                tokens.Add(new AnalyzedToken(term.ToString(), Math.Max(position, 0), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    private ChainAnalyzer Own(Func<TextReader, TokenStreamComponents> chain)
    {
        var analyzer = new ChainAnalyzer(chain);
        owned.Add(analyzer);
        return analyzer;
    }
}

/// <summary>One token of analysed text: the term, its position (stacked tokens share one) and its character span.</summary>
public readonly record struct AnalyzedToken(string Term, int Position, int StartOffset, int EndOffset);
