using Catalog.Core.Search;

namespace Catalog.Search.Tests.Querying;

public sealed class CursorTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("AQID")]
    [InlineData("")]
    [InlineData("////")]
    public void Malformed_cursors_are_rejected_clearly(string cursor)
    {
        var error = Assert.Throws<InvalidCursorException>(() => Page(new SearchRequest { Query = "robots", After = cursor }));
        Assert.Contains("cursor", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_cursor_from_another_sort_query_or_filter_is_rejected()
    {
        var cursor = Page(new SearchRequest { Query = "robots", First = 2 }).Hits[^1].Cursor;

        Assert.Throws<InvalidCursorException>(() => Page(new SearchRequest { Query = "robots", Sort = TitleSort.Name, After = cursor }));
        Assert.Throws<InvalidCursorException>(() => Page(new SearchRequest { Query = "robot", After = cursor }));
        Assert.Throws<InvalidCursorException>(() => Page(new SearchRequest { Query = "robots", After = cursor, Filter = new TitleFilter { HasTrailer = true } }));
        Assert.NotEmpty(Page(new SearchRequest { Query = "robots", After = cursor }).Hits);
    }

    [Fact]
    public void Cursors_are_url_safe()
    {
        foreach (var sort in Enum.GetValues<TitleSort>())
        {
            foreach (var hit in Page(new SearchRequest { Query = "robots", Sort = sort }).Hits)
                Assert.Matches("^[A-Za-z0-9_-]+$", hit.Cursor);
        }
    }

    private SearchResult Page(SearchRequest request) => harness.Search.SearchAsync(request).GetAwaiter().GetResult();
}
