using Catalog.Search.Analysis;

namespace Catalog.Search.Indexing;

/// <summary>
/// The analysed tokens of people's names and tags, per field, recorded the first time a value is seen and
/// replayed for every later title that has it. The same few thousand names and tags recur across most
/// titles, and analysing them (tokenizer, folding, word splitting, joined pairs) was most of the build's
/// analysis time. One instance per indexing thread (no locks); it stops growing at
/// <see cref="MaxValuesPerField"/> values, after which unseen values are analysed without being kept.
/// </summary>
internal sealed class RecordedValues
{
    public const int MaxValuesPerField = 50_000;

    // Thread-safe and stateless between calls; the chains are the IndexWriter's (CatalogAnalyzers.Index).
    private static readonly CatalogAnalyzers Analyzers = new();

    private readonly Dictionary<string, Dictionary<string, RecordedTokens>> byField = new(StringComparer.Ordinal);

    /// <summary>The tokens <paramref name="field"/>'s index analysis makes of <paramref name="value"/>.</summary>
    public RecordedTokens Of(string field, string value)
    {
        if (!byField.TryGetValue(field, out var recorded))
        {
            recorded = new Dictionary<string, RecordedTokens>(StringComparer.Ordinal);
            byField.Add(field, recorded);
        }

        if (recorded.TryGetValue(value, out var tokens))
            return tokens;
        tokens = RecordedTokens.Record(Analyzers.Index, field, value);
        if (recorded.Count < MaxValuesPerField)
            recorded.Add(value, tokens);
        return tokens;
    }
}
