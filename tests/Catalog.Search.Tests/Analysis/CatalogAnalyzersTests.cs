using Catalog.Search.Analysis;
using Catalog.Search.Schema;

namespace Catalog.Search.Tests.Analysis;

public sealed class CatalogAnalyzersTests : IDisposable
{
    private readonly CatalogAnalyzers analyzers = new();

    public void Dispose() => analyzers.Dispose();

    [Theory]
    [InlineData("spider man")]
    [InlineData("spiderman")]
    [InlineData("Spider-Man")]
    [InlineData("SPIDER–MAN")]
    public void Every_spelling_of_spider_man_meets_the_indexed_name(string query) =>
        Assert.All(QueryTerms(IndexFields.Name, query), term => Assert.Contains(term, IndexTerms(IndexFields.Name, "Spider-Man")));

    [Theory]
    [InlineData("mr robot")]
    [InlineData("Mr. Robot")]
    [InlineData("mrrobot")]
    public void Every_spelling_of_mr_robot_meets_the_indexed_name(string query) =>
        Assert.All(QueryTerms(IndexFields.Name, query), term => Assert.Contains(term, IndexTerms(IndexFields.Name, "Mr. Robot")));

    [Fact]
    public void Joined_pairs_are_stacked_on_the_first_word_so_phrases_still_line_up()
    {
        var tokens = analyzers.AnalyzeIndex(IndexFields.Name, "Spider-Man");

        Assert.Equal([("spider", 0), ("spiderman", 0), ("man", 1)], tokens.Select(t => (t.Term, t.Position)));
        Assert.Equal([("spider", 0), ("man", 1)], analyzers.AnalyzeQuery(IndexFields.Name, "spider man").Select(t => (t.Term, t.Position)));
    }

    [Theory]
    [InlineData(IndexFields.Name)]
    [InlineData(IndexFields.People)]
    [InlineData(IndexFields.TagsText)]
    [InlineData(IndexFields.Synopsis)]
    public void Accents_and_case_fold_on_both_sides(string field)
    {
        Assert.Contains("leon", IndexTerms(field, "Léon"));
        Assert.Equal(["leon"], QueryTerms(field, "LÉON"));
    }

    [Fact]
    public void Exact_key_ignores_case_accents_spacing_and_punctuation()
    {
        Assert.Equal(["mrrobot"], QueryTerms(IndexFields.NameExact, "Mr. Robot"));
        Assert.Equal(["mrrobot"], QueryTerms(IndexFields.NameExact, "  mr robot "));
        Assert.Equal(["leontheprofessional"], IndexTerms(IndexFields.NameExact, "Léon: The Professional"));
    }

    [Fact]
    public void The_name_prefix_field_is_edge_n_grammed_at_index_time_only()
    {
        var indexed = IndexTerms(IndexFields.NamePrefix, "Terminator");
        Assert.Contains("t", indexed);
        Assert.Contains("termin", indexed);
        Assert.Contains("terminator", indexed);
        Assert.DoesNotContain("erm", indexed);
        Assert.Equal(["termin"], QueryTerms(IndexFields.NamePrefix, "Termin"));
    }

    [Fact]
    public void Prefixes_cover_joined_pairs_so_typing_spiderm_finds_spider_man() =>
        Assert.Contains("spiderm", IndexTerms(IndexFields.NamePrefix, "Spider-Man"));

    [Fact]
    public void Names_are_not_n_grammed() =>
        Assert.DoesNotContain("termin", IndexTerms(IndexFields.Name, "Terminator"));

    [Fact]
    public void Only_the_synopsis_is_stemmed()
    {
        Assert.Equal(["robot"], QueryTerms(IndexFields.Synopsis, "robots"));
        Assert.Contains("robot", IndexTerms(IndexFields.Synopsis, "The robots are running"));
        Assert.Contains("run", IndexTerms(IndexFields.Synopsis, "The robots are running"));
        Assert.DoesNotContain("the", IndexTerms(IndexFields.Synopsis, "The robots"));
        Assert.Equal(["robots"], QueryTerms(IndexFields.Name, "robots"));
        Assert.Contains("robots", IndexTerms(IndexFields.Name, "Robots"));
        Assert.DoesNotContain("robot", IndexTerms(IndexFields.Name, "Robots"));
    }

    [Theory]
    [InlineData("title:(")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("*~^")]
    [InlineData("AND OR NOT")]
    [InlineData("")]
    [InlineData("\u0000\uFFFF\uD83D\uDE00 ☃")]
    public void Lucene_syntax_and_odd_unicode_are_just_text(string query)
    {
        foreach (var field in new[] { IndexFields.Name, IndexFields.NamePrefix, IndexFields.NameExact, IndexFields.Synopsis, IndexFields.People })
            Assert.All(analyzers.AnalyzeQuery(field, query), token => Assert.NotEmpty(token.Term));
    }

    [Fact]
    public void Syntax_characters_produce_no_tokens_and_words_survive()
    {
        Assert.Empty(analyzers.AnalyzeQuery(IndexFields.Name, "*~^ \" \\"));
        Assert.Equal(["title"], QueryTerms(IndexFields.Name, "title:("));
    }

    [Fact]
    public void Values_of_a_multi_valued_field_are_far_apart()
    {
        var gap = analyzers.Index.GetPositionIncrementGap(IndexFields.People);
        Assert.True(gap >= 50, $"gap {gap}");
    }

    private List<string> QueryTerms(string field, string text) => [.. analyzers.AnalyzeQuery(field, text).Select(t => t.Term)];

    private List<string> IndexTerms(string field, string text) => [.. analyzers.AnalyzeIndex(field, text).Select(t => t.Term)];
}
