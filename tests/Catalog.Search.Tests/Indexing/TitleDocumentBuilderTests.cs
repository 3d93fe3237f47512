using System.Buffers.Binary;
using Catalog.Search.Indexing;
using Catalog.Search.Schema;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Indexing;

public class TitleDocumentBuilderTests
{
    [Fact]
    public void Stores_id_name_and_synopsis_for_hits_and_highlights()
    {
        var doc = TitleDocumentBuilder.Build(FixtureTitles.Get("leon-the-professional-1994"));

        Assert.Equal("leon-the-professional-1994", doc.Get(IndexFields.Id));
        Assert.Equal("Léon: The Professional", doc.Get(IndexFields.Name));
        Assert.StartsWith("A professional hitman", doc.Get(IndexFields.Synopsis), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ended_availability_is_the_largest_instant()
    {
        var doc = TitleDocumentBuilder.Build(FixtureTitles.Get("the-terminator-1984"));
        Assert.Equal(long.MaxValue, Number(doc, IndexFields.AvailableUntil));
    }

    [Fact]
    public void Year_only_releases_count_from_the_first_of_january()
    {
        var doc = TitleDocumentBuilder.Build(FixtureTitles.Get("robots-2005"));
        Assert.Equal(new DateOnly(2005, 1, 1).DayNumber, Number(doc, IndexFields.ReleaseDay));
        Assert.Equal(2005, Number(doc, IndexFields.ReleaseYear));
        Assert.Equal("2000s", doc.Get(IndexFields.Decade));
    }

    [Fact]
    public void Coming_at_is_the_later_of_added_and_released()
    {
        var title = FixtureTitles.Get("the-robot-uprising-2027");
        var doc = TitleDocumentBuilder.Build(title);
        var released = new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        Assert.Equal(released, Number(doc, IndexFields.ComingAt));
    }

    [Fact]
    public void A_title_without_a_release_has_no_release_numbers_and_its_rating_sum_is_a_double()
    {
        var title = FixtureTitles.Get("robots-2005");
        var doc = TitleDocumentBuilder.Build(new Core.Titles.Title { Id = "x", Name = "X", AddedAt = title.AddedAt, RatingSum = 17.5, RatingCount = 3 });
        Assert.Equal(IndexFields.NoNumber, Number(doc, IndexFields.ReleaseDay));
        Assert.Equal(IndexFields.NoNumber, Number(doc, IndexFields.ReleaseYear));
        Assert.Equal(17.5, BitConverter.Int64BitsToDouble(Number(doc, IndexFields.RatingSum)));
        Assert.Equal(3, Number(doc, IndexFields.RatingCount));
        Assert.Equal(title.AddedAt.Ticks, Number(doc, IndexFields.AddedAt));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(9.1, "8+")]
    [InlineData(8.0, "8+")]
    [InlineData(7.99, "7–8")]
    [InlineData(4.0, "<5")]
    public void Rating_buckets_follow_the_mean(double? mean, string? bucket) =>
        Assert.Equal(bucket, FieldValues.RatingBucket(mean));

    [Theory]
    [InlineData(1994, "1990s")]
    [InlineData(2000, "2000s")]
    [InlineData(1909, "1900s")]
    public void Decades_are_labelled_by_their_first_year(int year, string decade) =>
        Assert.Equal(decade, FieldValues.Decade(year));

    [Fact]
    public void Sort_name_is_folded_lower_case() =>
        Assert.Equal("leon: the professional", FieldValues.SortName(" Léon: The Professional"));

    private static long Number(Lucene.Net.Documents.Document doc, string column)
    {
        var bytes = doc.GetBinaryValue(IndexFields.Numbers);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes.Bytes.AsSpan(bytes.Offset + (IndexFields.NumericSlot(column) * sizeof(long)), sizeof(long)));
    }
}
