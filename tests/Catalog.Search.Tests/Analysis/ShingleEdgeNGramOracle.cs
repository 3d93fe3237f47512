using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Catalog.Search.Tests.Analysis;

/// <summary>
/// The chains the index used before JoinedWordsFilter: Lucene's own ShingleFilter (pairs joined with no
/// separator, empty filler, unigrams kept) and EdgeNGramTokenFilter (1–20). Kept here as the oracle the
/// replacement must match token for token.
/// </summary>
internal static class ShingleEdgeNGramOracle
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Words() => new Chain(prefixes: false);

    public static Analyzer Prefixes() => new Chain(prefixes: true);

    private sealed class Chain(bool prefixes) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(Version, source));
            stream = new WordDelimiterFilter(Version, stream, WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS, null);
            var shingles = new ShingleFilter(stream, 2, 2);
            shingles.SetTokenSeparator(string.Empty);
            shingles.SetFillerToken(string.Empty);
            shingles.SetOutputUnigrams(true);
            stream = prefixes ? new EdgeNGramTokenFilter(Version, shingles, 1, 20) : shingles;
            return new TokenStreamComponents(source, stream);
        }
    }
}
