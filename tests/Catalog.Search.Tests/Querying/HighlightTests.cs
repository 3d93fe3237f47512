using Catalog.Core.Titles;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Querying;

public sealed class HighlightTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Fact]
    public void Matched_words_of_name_and_synopsis_are_marked()
    {
        var hit = harness.Find("terminator").Hits.Single(h => h.TitleId == "terminator-2-judgment-day-1991");

        Assert.Equal("<mark>Terminator</mark> 2: Judgment Day", hit.Highlights.Single(h => h.Field == "name").Snippet);
        Assert.Contains("A reprogrammed <mark>terminator</mark> protects", hit.Highlights.Single(h => h.Field == "synopsis").Snippet);
    }

    [Fact]
    public void Typos_prefixes_and_punctuation_are_marked_on_the_original_text()
    {
        Assert.Equal("<mark>Robots</mark>", Name("robts", "robots-2005"));
        Assert.Equal("<mark>Spider-Man</mark>", Name("spiderman", "spider-man-2002"));
        Assert.Equal("<mark>Léon</mark>: The Professional", Name("leon", "leon-the-professional-1994"));
        Assert.Equal("The <mark>Terminator</mark>", Name("termin", "the-terminator-1984"));
    }

    [Fact]
    public void Everything_but_the_marks_is_html_escaped()
    {
        var title = new Title
        {
            Id = "xss", Name = "<script>alert('x')</script> Robots & Co", AddedAt = FixtureTitles.Now.AddDays(-1),
            Synopsis = "Robots <b>bold</b> \"quoted\"",
        };
        using var harness = SearchHarness.Of([title], FixtureTitles.Now);

        var highlights = harness.Find("robots").Hits.Single().Highlights;

        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>Robots</mark> &amp; Co", highlights.Single(h => h.Field == "name").Snippet);
        Assert.Equal("<mark>Robots</mark> &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;", highlights.Single(h => h.Field == "synopsis").Snippet);
    }

    [Fact]
    public void Long_synopses_are_cut_around_the_first_match()
    {
        var title = new Title
        {
            Id = "long", Name = "Long", AddedAt = FixtureTitles.Now.AddDays(-1),
            Synopsis = string.Join(' ', Enumerable.Repeat("filler", 60)) + " robots " + string.Join(' ', Enumerable.Repeat("tail", 60)),
        };
        using var harness = SearchHarness.Of([title], FixtureTitles.Now);

        var snippet = harness.Find("robots").Hits.Single().Highlights.Single(h => h.Field == "synopsis").Snippet;

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>robots</mark>", snippet);
        Assert.True(snippet.Length < 260);
    }

    private string Name(string query, string id) =>
        harness.Find(query).Hits.Single(h => h.TitleId == id).Highlights.Single(h => h.Field == "name").Snippet;
}
