using System.Globalization;
using Catalog.Store.Import.CatalogJson;

namespace Catalog.Store.Tests.Import.CatalogJson;

public sealed class CatalogJsonFormatTests
{
    /// <summary>The fast path for full dates accepts exactly what the culture-aware exact parser accepts, with the same value.</summary>
    [Theory]
    [InlineData("1998-06-12")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("1998-02-30")]
    [InlineData("1998-13-01")]
    [InlineData("1998-00-10")]
    [InlineData("1998-06-00")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1998-6-12")]
    [InlineData("1998/06/12")]
    [InlineData(" 1998-06-12")]
    [InlineData("1998-06-12 ")]
    [InlineData("１９９８-06-12")]
    [InlineData("1998-06-1x")]
    [InlineData("+998-06-12")]
    public void Full_release_dates_parse_like_DateOnly_ParseExact(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);

        var parsed = CatalogJsonFormat.TryParseRelease(text, out var release, out var year);

        Assert.Equal(expected, parsed);
        if (expected)
            Assert.Equal((date, date.Year), (release!.Value, year));
    }
}
