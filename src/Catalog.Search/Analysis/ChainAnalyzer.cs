using Lucene.Net.Analysis;

namespace Catalog.Search.Analysis;

/// <summary>
/// An analyzer made of one token-stream chain. Multi-valued fields (several names, people, tags) get a
/// wide position gap so a phrase never matches across two values.
/// </summary>
internal sealed class ChainAnalyzer(Func<TextReader, TokenStreamComponents> chain) : Analyzer
{
    public const int ValueGap = 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => chain(reader);

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;
}
