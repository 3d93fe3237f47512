using Catalog.Core.Search;
using CsCheck;

namespace Catalog.Search.Tests.Querying;

public sealed class RobustnessTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Theory]
    [InlineData("title:(")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("*~^")]
    [InlineData("AND")]
    [InlineData("robots AND OR NOT")]
    [InlineData("")]
    [InlineData(" \t\n ")]
    [InlineData("name:[a TO z]")]
    [InlineData("🤖 ロボット робот")]
    [InlineData("\uD800")]
    [InlineData("a")]
    public void Syntax_and_odd_input_never_throws(string query)
    {
        var result = harness.Find(query);

        Assert.True(result.TotalCount >= 0);
        Assert.NotNull(harness.Search.SuggestAsync(query, 8).Get());
        Assert.NotNull(harness.Search.TagsAsync(query, 8).Get());
    }

    [Fact]
    public void Ten_thousand_characters_do_not_throw()
    {
        var words = string.Join(' ', Enumerable.Repeat("robots terminator spider", 500));

        Assert.True(harness.Find(words).TotalCount >= 0);
        Assert.True(harness.Find(new string('x', 10_000)).TotalCount >= 0);
        Assert.NotNull(harness.Search.SuggestAsync(words, 8).Get());
    }

    [Fact]
    public void Random_strings_never_throw()
    {
        var text = Gen.Char[char.MinValue, char.MaxValue].Array[0, 60].Select(chars => new string(chars));
        text.Sample(query =>
        {
            var result = harness.Search.SearchAsync(new SearchRequest
            {
                Query = query, Facets = [new FacetRequest(FacetField.Tag, Prefix: query)],
            }).Get();
            Assert.True(result.TotalCount >= 0);
            Assert.NotNull(harness.Search.SuggestAsync(query, 5).Get());
        }, iter: 300);
    }

    [Fact]
    public void Negative_first_is_a_clear_argument_error_and_huge_first_is_capped()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Find("robots", first: -1));
        Assert.Equal(12, harness.Find(null, first: int.MaxValue).Hits.Count);
    }

    [Fact]
    public void Oversized_filter_lists_are_a_clear_argument_error_and_null_facets_are_none()
    {
        var tags = Enumerable.Range(0, 2000).Select(i => $"tag{i}").ToList();

        var error = Assert.Throws<ArgumentException>(() => harness.Find(null, new TitleFilter { AnyTags = tags }));
        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Search.SearchAsync(new SearchRequest { Facets = null! }).Get().Facets);
    }
}
