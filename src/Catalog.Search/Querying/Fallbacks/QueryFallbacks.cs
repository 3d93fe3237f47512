using Catalog.Core.Search;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Querying.Parsing;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Fallbacks;

/// <summary>A reading of the user's text other than the one typed: its query, what it is and the text it answers.</summary>
internal sealed record FallbackReading(UserQuery Query, QueryRelaxation Relaxation, string? CorrectedText);

/// <summary>The spelling correction's query, which finds more titles than the text typed.</summary>
internal sealed record Correction(UserQuery Query);

/// <summary>
/// Zero results are the last resort: when the query as typed finds few titles, the first of these readings that finds
/// more answers instead (docs/search-fallbacks.md):
/// 1. typo variants of the words the index holds so often that they are taken as spelled right ("the last world" →
///    The Lost World); exact matches keep scoring above typo matches, so the titles found before stay first;
/// 2. when nothing at all was found, the spelling correction (didYouMean), when it finds something;
/// 3. when still nothing, the query without its least important words (Meilisearch's "words" rule), dropped one at a
///    time until something is found: the word the fewest titles match on its own (a word matching none can only
///    block; a rare one is the likeliest to be mistyped or off-catalog), the later word among equals; never the last
///    word left, and never a stop word (they are optional already).
/// A correction or a dropped word replaces the results, so it waits until nothing was found: one or two titles
/// matching every word typed are worth more than many matching fewer.
/// </summary>
internal sealed class QueryFallbacks(UserQueryBuilder queries)
{
    public FallbackReading? Find(CatalogSearcher searcher, UserQuery typed, int found, Correction? correction, DocValuesFilter filter)
    {
        if (typed.Words.Any(w => w.IsCommon && w.MaxEdits > 0))
        {
            var variants = queries.Build(typed.Text, searcher, typed.Tolerance, typosOfCommonWords: true);
            if (BestMatches.MatchesMoreThan(searcher, variants.Query, filter, found))
                return new FallbackReading(variants, QueryRelaxation.TypoVariants, null);
        }

        if (found > 0)
            return null;
        if (correction is { } corrected)
            return new FallbackReading(corrected.Query, QueryRelaxation.Corrected, corrected.Query.Text);
        return WithoutLeastImportant(searcher, typed, filter);
    }

    private FallbackReading? WithoutLeastImportant(CatalogSearcher searcher, UserQuery typed, DocValuesFilter filter)
    {
        var kept = typed.Words.Select(w => w.Term).ToList();
        // Stop words never block a match (they are optional), so only the others are dropped.
        var droppable = typed.Words.Select((w, i) => (Index: i, w.IsStopWord)).Where(w => !w.IsStopWord).Select(w => w.Index).ToList();
        // A word's own clause of the typed query (its first clauses, one per word) matches what the word alone does;
        // required in a query of its own, it is counted term at a time.
        var clauses = ((BooleanQuery)typed.Query).Clauses;
        var alone = new WordCounts(i => new BooleanQuery(disableCoord: true) { { clauses[i].Query, Occur.MUST } }, searcher, filter);
        while (droppable.Count > 1)
        {
            var least = alone.Least(droppable);
            droppable.Remove(least);
            kept[least] = string.Empty;
            var text = string.Join(' ', kept.Where(w => w.Length > 0));
            var shorter = queries.Build(text, searcher, typed.Tolerance);
            if (BestMatches.MatchesMoreThan(searcher, shorter.Query, filter, 0))
                return new FallbackReading(shorter, QueryRelaxation.WordsDropped, text);
        }

        return null;
    }
}
