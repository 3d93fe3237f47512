using Catalog.Store.Import.MovieLens;

namespace Catalog.Store.Tests.Import.MovieLens;

public sealed class CsvLineTests
{
    [Fact]
    public void Quoted_fields_keep_commas_and_undouble_quotes() =>
        Assert.Equal(["1", "Shawshank Redemption, The (1994)", "say \"hi\"", ""],
            CsvLine.Split("1,\"Shawshank Redemption, The (1994)\",\"say \"\"hi\"\"\","));

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_literal() =>
        Assert.Equal(["7", "12\" Vinyl (2001)", "Drama"], CsvLine.Split("7,12\" Vinyl (2001),Drama"));

    [Fact]
    public void An_unclosed_quote_fails_the_line_only() =>
        Assert.Null(CsvLine.Split("8,\"Broken (1999),Drama"));
}
