using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying;

/// <summary>
/// The loose query behind "closest matches" (the seeds of related titles when a search finds few): any word
/// may match, with wider typo tolerance. Each word becomes the terms a FuzzyQuery would pick (its closest
/// index terms sharing the first letter, each scoring its similarity as a constant), taken from the cached
/// candidates instead of a fresh automaton; a common word (<see cref="QueryWord.IsCommon"/>) is spelled
/// right and matches only itself.
/// </summary>
/// <remarks>
/// A closest match must hold a <see cref="Distinctive"/> term; the common terms only add to its score. Scoring every
/// title that holds a head word or one of its neighbours ("the", "love", "live") cost more than the rest
/// of the search at 1M titles, and a title sharing nothing but head words with the query is no useful
/// "closest match". When no term is distinctive the common ones match alone.
/// </remarks>
internal static class ClosestMatches
{
    private const int MaxTermsPerWord = 50;

    private static readonly string[] Fields = [IndexFields.Name, IndexFields.TagsText];

    public static Query For(UserQuery query, IndexReader reader)
    {
        var distinctiveAt = Distinctive.MaxTitles(reader);
        var distinctive = new BooleanQuery(disableCoord: true);
        var common = new BooleanQuery(disableCoord: true);
        foreach (var word in query.Words)
        {
            var edits = Math.Clamp(word.MaxEdits + 1, 1, 2);
            foreach (var field in Fields)
            {
                foreach (var candidate in FuzzyCandidates.Find(reader, field, word.Term, edits, MaxTermsPerWord))
                {
                    if (word.IsCommon && candidate.Edits > 0)
                        continue;
                    var similarity = 1f - ((float)candidate.Edits / Math.Min(candidate.Term.Length, word.Term.Length));
                    var term = new ConstantScoreQuery(new TermQuery(new Term(field, candidate.Term))) { Boost = similarity };
                    (candidate.DocFreq <= distinctiveAt ? distinctive : common).Add(term, Occur.SHOULD);
                }
            }
        }

        if (distinctive.Clauses.Count == 0)
            return common;
        if (common.Clauses.Count == 0)
            return distinctive;
        return new BooleanQuery(disableCoord: true) { { distinctive, Occur.MUST }, { common, Occur.SHOULD } };
    }
}
