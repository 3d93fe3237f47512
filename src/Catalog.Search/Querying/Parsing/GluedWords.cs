using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Parsing;

/// <summary>
/// The typo rule's view of a query word that names index as two words glued together ("spiderman" is held by
/// Spider-Man as the join of spider and man): such a title holds the word only as a glued pair, which counts as
/// one typo, while a title holding it as a real word matches it exactly. The exact name term cannot tell them
/// apart, so a phrase of the two halves takes the difference back from the titles that hold them side by side.
/// </summary>
internal static class GluedWords
{
    /// <summary>Splits tried per word: a word rarely splits into two held words in more than one way.</summary>
    private const int MaxSplits = 2;

    private const int MinLength = 4;

    /// <summary>Adds a negative phrase per way <paramref name="word"/> splits into two words the names hold.</summary>
    public static void AddTo(BooleanQuery query, IndexReader reader, string word)
    {
        if (word.Length < MinLength)
            return;
        var splits = 0;
        for (var at = 1; at < word.Length && splits < MaxSplits; at++)
        {
            if (char.IsSurrogate(word[at]) || !Held(reader, word[..at]) || !Held(reader, word[at..]))
                continue;
            var phrase = new PhraseQuery { Boost = -(TypoClass.Exact - TypoClass.OneTypo) * RankingRules.Typo };
            phrase.Add(new Term(IndexFields.Name, word[..at]));
            phrase.Add(new Term(IndexFields.Name, word[at..]));
            query.Add(phrase, Occur.SHOULD);
            splits++;
        }
    }

    private static bool Held(IndexReader reader, string term) => TermStates.DocFreq(reader, new Term(IndexFields.Name, term)) > 0;
}
