using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying.Filtering;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Search.Tests.Fixtures;

/// <summary>The fixture index answers the hard cases with plain term queries built from the query analyzer.</summary>
public sealed class FixtureIndexTests : IDisposable
{
    private readonly TestIndex index = TestIndex.WithFixtures();

    public void Dispose() => index.Dispose();

    [Fact]
    public void Holds_every_fixture_title()
    {
        using var lease = index.Acquire();
        Assert.Equal(FixtureTitles.All.Count, lease.Searcher.IndexReader.NumDocs);
    }

    [Theory]
    [InlineData("spider man", "spider-man-2002")]
    [InlineData("spiderman", "spider-man-2002")]
    [InlineData("mr robot", "mr-robot-2015")]
    [InlineData("leon", "leon-the-professional-1994")]
    [InlineData("walle", "wall-e-2008")]
    [InlineData("wall e", "wall-e-2008")]
    public void Name_words_find_the_title(string query, string expected) =>
        Assert.Contains(expected, Search(AllTerms(IndexFields.Name, query)));

    [Fact]
    public void A_typed_prefix_finds_the_terminators() =>
        Assert.Equal(["terminator-2-judgment-day-1991", "the-terminator-1984"], Search(AllTerms(IndexFields.NamePrefix, "termin")).Order());

    [Fact]
    public void Stemmed_synopsis_finds_robot_stories_from_robots() =>
        Assert.Contains("short-circuit-1986", Search(AllTerms(IndexFields.Synopsis, "robots")));

    [Fact]
    public void Filter_fields_hold_the_normalised_values()
    {
        Assert.Equal(["mr-bean-1990", "mr-robot-2015", "old-robot-show-1960"], Search(new TermQuery(new Term(IndexFields.Kind, "SERIES"))).Order());
        Assert.Contains("the-terminator-1984", Search(new TermQuery(new Term(IndexFields.Person, FieldValues.Person("James Cameron")))));
        Assert.Contains("leon-the-professional-1994", Search(new TermQuery(new Term(IndexFields.Decade, "1990s"))));
        Assert.Contains("robots-2005", Search(new TermQuery(new Term(IndexFields.ReleaseYearValue, "2005"))));
        Assert.Equal(5, Search(new TermQuery(new Term(IndexFields.HasTrailer, FieldValues.True))).Count);
    }

    [Fact]
    public void Numeric_fields_answer_ranges_from_doc_values()
    {
        var nineties = new ConstantScoreQuery(DocValuesFilter.Range(IndexFields.ReleaseYear, 1990, 1999));
        Assert.Equal(["leon-the-professional-1994", "mr-bean-1990", "terminator-2-judgment-day-1991"], Search(nineties).Order());
        var open = new ConstantScoreQuery(DocValuesFilter.Range(IndexFields.AvailableUntil, long.MaxValue, long.MaxValue));
        Assert.Equal(FixtureTitles.All.Count(t => t.AvailableUntil is null), Search(open).Count);
        var rated = new ConstantScoreQuery(DocValuesFilter.Range(IndexFields.RatingCount, 1, long.MaxValue));
        Assert.Equal(FixtureTitles.All.Count(t => t.RatingCount > 0), Search(rated).Count);
    }

    private BooleanQuery AllTerms(string field, string text)
    {
        var query = new BooleanQuery();
        foreach (var token in index.Analyzers.AnalyzeQuery(field, text))
            query.Add(new TermQuery(new Term(field, token.Term)), Occur.MUST);
        return query;
    }

    private List<string> Search(Query query)
    {
        using var lease = index.Acquire();
        var hits = lease.Searcher.Search(query, 100).ScoreDocs;
        return [.. hits.Select(h => lease.Searcher.Doc(h.Doc).Get(IndexFields.Id))];
    }
}
