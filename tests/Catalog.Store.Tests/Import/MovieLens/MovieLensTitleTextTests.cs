using Catalog.Store.Import.MovieLens;

namespace Catalog.Store.Tests.Import.MovieLens;

public sealed class MovieLensTitleTextTests
{
    [Theory]
    [InlineData("Shawshank Redemption, The (1994)", "The Shawshank Redemption", 1994)]
    [InlineData("Avventura, L' (1960)", "L'Avventura", 1960)]
    [InlineData("Boot, Das (1981)", "Das Boot", 1981)]
    [InlineData("Lord of the Rings: The Two Towers, The (2002)", "The Lord of the Rings: The Two Towers", 2002)]
    [InlineData("  Heat    (1995)  ", "Heat", 1995)]
    [InlineData("(500) Days of Summer (2009)", "(500) Days of Summer", 2009)]
    [InlineData("Cry, the Beloved Country (1995)", "Cry, the Beloved Country", 1995)]
    public void Name_and_year(string raw, string name, int year)
    {
        var parsed = MovieLensTitleText.Parse(raw);

        Assert.Equal(name, parsed.Name);
        Assert.Equal(year, parsed.Year);
        Assert.False(parsed.IsYearRange);
    }

    [Fact]
    public void Aka_groups_are_alternate_names_and_the_first_other_group_is_the_original_name()
    {
        var parsed = MovieLensTitleText.Parse("Léon: The Professional (a.k.a. Professional, The) (Léon) (1994)");

        Assert.Equal("Léon: The Professional", parsed.Name);
        Assert.Equal("Léon", parsed.OriginalName);
        Assert.Equal(["The Professional"], parsed.AlternateNames);
    }

    [Fact]
    public void The_original_name_gets_its_article_back_too()
    {
        var parsed = MovieLensTitleText.Parse("Postman, The (Postino, Il) (1994)");

        Assert.Equal("The Postman", parsed.Name);
        Assert.Equal("Il Postino", parsed.OriginalName);
        Assert.Empty(parsed.AlternateNames);
    }

    [Theory]
    [InlineData("Fawlty Towers (1975-1979)", 1975)]
    [InlineData("Planet Earth (2006–2008)", 2006)]
    [InlineData("Still Running (2019- )", 2019)]
    public void A_year_range_gives_the_first_year(string raw, int year)
    {
        var parsed = MovieLensTitleText.Parse(raw);

        Assert.Equal(year, parsed.Year);
        Assert.True(parsed.IsYearRange);
    }

    [Fact]
    public void A_title_without_year_keeps_its_whole_name()
    {
        var parsed = MovieLensTitleText.Parse("Babylon 5");

        Assert.Equal("Babylon 5", parsed.Name);
        Assert.Null(parsed.Year);
    }
}
