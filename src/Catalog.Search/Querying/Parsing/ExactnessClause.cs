using System.Text.RegularExpressions;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Ranking;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Querying.Parsing;

/// <summary>
/// The exactness rule's clause (<see cref="RankingRules"/>): the whole name equals the query's key (two units) or
/// starts with it (one), a leading article of the name aside. "Starts with" takes the names' keys that begin with
/// the query's; when more than <see cref="MaxStarts"/> do, the key is too short to single any out and only equality counts.
/// </summary>
internal static partial class ExactnessClause
{
    public const int MaxStarts = 32;

    private static readonly string[] Articles = ["", "the", "a", "an"];

    /// <summary>The clause for the query's exact-name key, or null when no name equals or starts with it.</summary>
    public static DisjunctionMaxQuery? For(IndexReader reader, string key)
    {
        var clause = new DisjunctionMaxQuery(0f);
        foreach (var article in Articles)
        {
            var full = article + key;
            if (TermStates.StartingWith(reader, IndexFields.NameExact, full, MaxStarts) is { } starts)
            {
                foreach (var (name, states) in starts)
                    clause.Add(Boosted(ExactTerms.Held(new Term(IndexFields.NameExact, name), states).Query, name == full ? 2 : 1));
            }
            else if (ExactTerms.Lookup(reader, IndexFields.NameExact, full) is { DocFreq: > 0 } equal)
            {
                clause.Add(Boosted(equal.Query, 2));
            }
        }

        return clause.Disjuncts.Count == 0 ? null : clause;
    }

    /// <summary>A library-style name ("Godfather, The") with its article back in front ("The Godfather").</summary>
    public static string ArticleInFront(string text) => text.Contains(',', StringComparison.Ordinal) ? MovedArticle().Replace(text, "$2 $1") : text;

    [GeneratedRegex(@"^(.+?)\s*,\s*(the|a|an)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MovedArticle();

    private static TermQuery Boosted(TermQuery query, float units)
    {
        query.Boost = units * RankingRules.Exactness;
        return query;
    }
}
