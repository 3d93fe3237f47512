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
    public void A_real_cursor_with_an_over_long_length_inside_is_rejected_clearly()
    {
        var request = new SearchRequest { Query = "robots", Sort = TitleSort.Name, First = 1 };
        var real = System.Buffers.Text.Base64Url.DecodeFromChars(Page(request).Hits[^1].Cursor);
        // Version, fingerprint, value count and tag kept (so the fingerprint check passes); then a 7-bit length of 6 bytes.
        byte[] forged = [.. real[..11], 0xEA, 0x80, 0x80, 0x80, 0x80, 0x01];

        var error = Assert.Throws<InvalidCursorException>(() => Page(request with { After = System.Buffers.Text.Base64Url.EncodeToString(forged) }));
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
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
