using System.Text.RegularExpressions;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Catalog.Search.Querying;

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
            var starts = Starting(reader, full);
            foreach (var name in starts.Count > MaxStarts ? starts.Where(n => n == full) : starts)
                clause.Add(new TermQuery(new Term(IndexFields.NameExact, name)) { Boost = (name == full ? 2 : 1) * RankingRules.Exactness });
        }

        return clause.Disjuncts.Count == 0 ? null : clause;
    }

    /// <summary>A library-style name ("Godfather, The") with its article back in front ("The Godfather").</summary>
    public static string ArticleInFront(string text) => MovedArticle().Replace(text, "$2 $1");

    [GeneratedRegex(@"^(.+?)\s*,\s*(the|a|an)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MovedArticle();

    /// <summary>Up to <see cref="MaxStarts"/> + 1 name keys starting with <paramref name="key"/>, in term order.</summary>
    private static List<string> Starting(IndexReader reader, string key)
    {
        var found = new List<string>();
        if (MultiFields.GetTerms(reader, IndexFields.NameExact)?.GetEnumerator() is not { } terms)
            return found;
        var prefix = new BytesRef(key);
        if (terms.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
            return found;
        do
        {
            if (!StringHelper.StartsWith(terms.Term, prefix))
                break;
            found.Add(terms.Term.Utf8ToString());
        }
        while (found.Count <= MaxStarts && terms.MoveNext());
        return found;
    }
}
