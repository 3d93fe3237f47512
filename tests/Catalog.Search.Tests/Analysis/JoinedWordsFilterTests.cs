using Catalog.Search.Analysis;
using CsCheck;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Tests.Analysis;

public sealed class JoinedWordsFilterTests : IDisposable
{
    // Words over the tokenizer's 255 characters make position gaps; scripts without case, surrogate pairs,
    // digits and punctuation exercise splitting and code-point prefixes.
    private static readonly string[] Pieces =
    [
        "spider", "Man", "mr", "Robot", "léon", "ÆON", "x", "2", "1999", "o'brien", "a.b", "wi-fi", "e_x", "terminatorextraordinaire",
        "שלום", "東京", "ひらがな", "𝔘𝔫𝔦", "😀", "ǅemal", "x²", "-", "–", ".", "'", ",", ":", "_", "&", "\u0301",
    ];

    private static readonly string[] Separators = [" ", "", "-", "  ", ". "];

    private static readonly Gen<string> Text =
        Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.Char["abcXYZ09éß-' "].Array[1, 8].Select(c => new string(c)), Gen.Const(new string('q', 300)))
            .Array[0, 8]
            .SelectMany(parts => Gen.Int[0, Separators.Length - 1].Select(i => Separators[i]).Array[parts.Length].Select(separators =>
                string.Concat(parts.Select((part, i) => part + separators[i]))));

    private readonly Analyzer words = new ChainAnalyzer(AnalysisChains.IndexWords);
    private readonly Analyzer prefixes = new ChainAnalyzer(AnalysisChains.IndexPrefixes);
    private readonly Analyzer oracleWords = ShingleEdgeNGramOracle.Words();
    private readonly Analyzer oraclePrefixes = ShingleEdgeNGramOracle.Prefixes();

    public void Dispose()
    {
        words.Dispose();
        prefixes.Dispose();
        oracleWords.Dispose();
        oraclePrefixes.Dispose();
    }

    [Fact]
    public void Words_and_joined_pairs_are_exactly_what_the_shingle_filter_made() =>
        Text.Sample(text => Assert.Equal(Tokens(oracleWords, text), Tokens(words, text)), iter: 3000);

    [Fact]
    public void Prefixes_index_exactly_what_shingles_then_edge_n_grams_indexed() =>
        Text.Sample(text => Assert.Equal(Indexed(oraclePrefixes, text), Indexed(prefixes, text)), iter: 3000);

    [Fact]
    public void A_joined_pair_does_not_repeat_the_prefixes_of_its_first_word() =>
        Assert.Equal(
            ["s/1", "sp/0", "spi/0", "spid/0", "spide/0", "spider/0", "spiderm/0", "spiderma/0", "spiderman/0", "m/1", "ma/0", "man/0", "end/0"],
            Tokens(prefixes, "Spider-Man").Select(t => string.Join('/', t.Split('/')[..2])));

    [Theory]
    [InlineData("Spider-Man 2")]
    [InlineData("שלום world peace")]
    [InlineData("東京 story")]
    [InlineData("a 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 word")]
    public void Known_tricky_names_match_too(string text)
    {
        Assert.Equal(Tokens(oracleWords, text), Tokens(words, text));
        Assert.Equal(Indexed(oraclePrefixes, text), Indexed(prefixes, text));
    }

    [Fact]
    public void A_word_the_tokenizer_skips_leaves_a_gap_filled_as_the_shingle_filter_filled_it()
    {
        // Words over 255 characters are dropped by the tokenizer, leaving a position gap.
        var text = $"spider {new string('q', 300)} man";
        List<string> expected = ["spider/1/0-6", "spider/0/0-308", "man/1/308-311", "man/1/308-311", "end/0/311-311"];

        Assert.Equal(expected, Tokens(oracleWords, text));
        Assert.Equal(expected, Tokens(words, text));
    }

    /// <summary>
    /// What a prefix field (no positions, no frequencies, length norm without overlapping tokens) stores
    /// of a value: its distinct terms, how many tokens advance the position, and the end state.
    /// </summary>
    private static (string Terms, int Positions, string End) Indexed(Analyzer analyzer, string text)
    {
        var tokens = Tokens(analyzer, text);
        var terms = tokens[..^1].Select(t => t[..t.IndexOf('/', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal);
        return (string.Join(' ', terms), tokens[..^1].Count(t => t.Split('/')[^2] != "0"), tokens[^1]);
    }

    /// <summary>Every token with its increment and offsets, then the end state (a multi-valued field's next value starts from it).</summary>
    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add($"{term}/{increment.PositionIncrement}/{offset.StartOffset}-{offset.EndOffset}");
        stream.End();
        tokens.Add($"end/{increment.PositionIncrement}/{offset.StartOffset}-{offset.EndOffset}");
        return tokens;
    }
}
