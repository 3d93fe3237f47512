using Catalog.Search.Analysis;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Search.Tests.Analysis;

/// <summary>
/// People and tags are analysed once and their tokens replayed into every document that has them: the
/// index must receive exactly what the field's analyzer would have given it (terms, positions, offsets
/// and the end state that spaces out several values of one field).
/// </summary>
public sealed class RecordedTokensTests : IDisposable
{
    private static readonly string[] Pieces =
    [
        "Arnold", "Schwarzenegger", "léon", "ÆON", "o'brien", "wi-fi", "x²", "2", "東京", "😀", "ǅemal", "-", ".", "'", "&", "\u0301", "time travel",
    ];

    private static readonly Gen<string> Text =
        Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.Char["abcXYZ09éß-' "].Array[1, 8].Select(c => new string(c)), Gen.Const(new string('q', 300)))
            .Array[0, 6]
            .Select(parts => string.Join(' ', parts));

    private readonly CatalogAnalyzers analyzers = new();

    public void Dispose() => analyzers.Dispose();

    [Theory]
    [InlineData(IndexFields.People)]
    [InlineData(IndexFields.TagsText)]
    public void Replaying_a_recording_gives_the_index_what_the_analyzer_gives_it(string field)
    {
        Text.Sample(text =>
        {
            using var replay = new RecordedTokenStream();
            using var analyzed = analyzers.Index.GetTokenStream(field, text);
            var expected = Read(analyzed);
            replay.Load([RecordedTokens.Record(analyzers.Index, field, text)]);
            Assert.Equal(expected, Read(replay));
            Assert.Equal(expected, Read(replay)); // the stream is reused for the next document
        }, iter: 2000);
    }

    [Fact]
    public void A_joined_name_is_recorded_stacked_on_its_first_word()
    {
        using var replay = new RecordedTokenStream();
        replay.Load([RecordedTokens.Record(analyzers.Index, IndexFields.People, "Arnold Schwarzenegger")]);

        Assert.Equal(["arnold/1/0-6", "arnoldschwarzenegger/0/0-21", "schwarzenegger/1/7-21", "end/0/21"], Read(replay));
    }

    private static List<string> Read(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add($"{term}/{increment.PositionIncrement}/{offset.StartOffset}-{offset.EndOffset}");
        stream.End();
        tokens.Add($"end/{increment.PositionIncrement}/{offset.EndOffset}");
        stream.Dispose();
        return tokens;
    }
}
