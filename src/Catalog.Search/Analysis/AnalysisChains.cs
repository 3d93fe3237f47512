using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Catalog.Search.Analysis;

/// <summary>
/// The token-stream chains behind <see cref="CatalogAnalyzers"/>. Every chain starts the same way
/// (Unicode word breaking, lower case, diacritic folding) so a query word and an indexed word meet.
/// </summary>
internal static partial class AnalysisChains
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const int MaxPrefix = 20;

    // Parts only, no catenation: catenated tokens are stacked and would shift the positions of the joined
    // pairs after them. Joining is JoinedWordsFilter's job.
    private const WordDelimiterFlags Splitting = WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS;

    /// <summary>Words: "Spider-Man" → spider, man; "Léon" → leon.</summary>
    public static TokenStreamComponents QueryWords(TextReader reader)
    {
        var (source, folded) = Folded(reader);
        return new TokenStreamComponents(source, new WordDelimiterFilter(Version, folded, Splitting, null));
    }

    /// <summary>
    /// Indexed words plus every adjacent pair joined ("spider man" → spiderman, "mr robot" → mrrobot), so a
    /// query that writes the words together still meets a title that writes them apart.
    /// </summary>
    public static TokenStreamComponents IndexWords(TextReader reader) => JoinedWords(reader, prefixes: false);

    /// <summary>Indexed words and joined pairs cut into leading edges: terminator → t, te, …, terminator.</summary>
    public static TokenStreamComponents IndexPrefixes(TextReader reader) => JoinedWords(reader, prefixes: true);

    /// <summary>English prose: stop words dropped, possessives and suffixes stemmed (robots → robot).</summary>
    public static TokenStreamComponents Synopsis(TextReader reader)
    {
        var (source, folded) = Folded(reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, folded);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(source, new PorterStemFilter(stream));
    }

    /// <summary>The whole value as one key of letters and digits: "Mr. Robot", "mr robot" and "MrRobot" → mrrobot.</summary>
    public static TokenStreamComponents ExactKey(TextReader reader)
    {
        var source = new KeywordTokenizer(reader);
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(Version, source));
        stream = new PatternReplaceFilter(stream, NotLetterOrDigit(), string.Empty, true);
        return new TokenStreamComponents(source, stream);
    }

    private static (Tokenizer Source, TokenStream Folded) Folded(TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        return (source, new ASCIIFoldingFilter(new LowerCaseFilter(Version, source)));
    }

    private static TokenStreamComponents JoinedWords(TextReader reader, bool prefixes)
    {
        var (source, folded) = Folded(reader);
        return new TokenStreamComponents(source, new JoinedWordsFilter(new WordDelimiterFilter(Version, folded, Splitting, null), prefixes));
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotLetterOrDigit();
}
