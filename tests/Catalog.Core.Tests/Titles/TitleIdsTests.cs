using Catalog.Core.Titles;

namespace Catalog.Core.Tests.Titles;

public sealed class TitleIdsTests
{
    [Theory]
    [InlineData("Léon: The Professional", 1994, "leon-the-professional-1994")]
    [InlineData("Spider-Man", 2002, "spider-man-2002")]
    [InlineData("Mr. Bean's Holiday", 2007, "mr-beans-holiday-2007")]
    [InlineData("  WALL·E  ", null, "wall-e")]
    [InlineData("!!!", 2000, "untitled-2000")]
    [InlineData("1776", 1972, "1776-1972")]
    public void Slugs_are_url_safe_and_stable(string name, int? year, string expected)
    {
        var slug = TitleIds.Slug(name, year);
        Assert.Equal(expected, slug);
        Assert.True(TitleIds.IsValid(slug));
    }

    [Fact]
    public void Long_names_are_cut_but_keep_the_year()
    {
        var slug = TitleIds.Slug(new string('a', 500), 2001);
        Assert.True(slug.Length <= TitleIds.MaxLength);
        Assert.EndsWith("-2001", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("<script>")]
    public void Rejects_ids_that_are_not_url_safe(string? id) => Assert.False(TitleIds.IsValid(id));

    [Fact]
    public void Effective_release_date_falls_back_to_the_first_of_january()
    {
        var title = new Title { Id = "x", Name = "X", ReleaseYear = 1993 };
        Assert.Equal(new DateOnly(1993, 1, 1), title.EffectiveReleaseDate);
        title.ReleaseDate = new DateOnly(1993, 6, 11);
        Assert.Equal(new DateOnly(1993, 6, 11), title.EffectiveReleaseDate);
    }
}
