using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Schema;
using Catalog.Search.Tests.Fixtures;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// The last word typed matches the start of a person's or a tag's word, although neither field indexes edge
/// n-grams any more: the prefix expands over the words of the field at query time.
/// </summary>
public sealed class PeopleAndTagPrefixTests(FixtureSearchFixture fixture) : IClassFixture<FixtureSearchFixture>
{
    private readonly SearchHarness harness = fixture.Harness;

    [Theory]
    [InlineData("schwarz")] // cast: Arnold Schwarzenegger
    [InlineData("arnoldschw")] // the joined pair of the name
    [InlineData("cameron schwarzen")] // a whole word, then a prefix
    public void A_prefix_of_a_persons_name_finds_their_titles(string query) =>
        Assert.Equal(["terminator-2-judgment-day-1991", "the-terminator-1984"], harness.Ids(query).Order(StringComparer.Ordinal));

    [Fact]
    public void A_prefix_of_a_tag_finds_the_tagged_titles()
    {
        Assert.Equal(["mr-bean-1990"], harness.Ids("slapst"));
        Assert.Equal(["mr-robot-2015"], harness.Ids("anarch"));
    }

    [Fact]
    public void Only_the_last_word_is_a_prefix() => Assert.Empty(harness.Find("schwarz cameron", exact: true).Hits);

    [Fact]
    public void As_you_type_suggestions_find_people_and_tags_by_prefix()
    {
        Assert.Contains(harness.Search.SuggestAsync("schwarz", 8).Get(), s => s is { Kind: SuggestionKind.Person, Text: "Arnold Schwarzenegger" });
        Assert.Contains(harness.Search.SuggestAsync("slaps", 8).Get(), s => s is { Kind: SuggestionKind.Tag, Text: "slapstick" });
    }

    [Fact]
    public void A_short_prefix_expands_into_the_most_frequent_words_only()
    {
        // 20 people whose surnames start with "zed": zed00 plays in 20 titles, zed01 in 19, … zed19 in 1.
        var titles = Enumerable.Range(0, 20).Select(i => Title($"t{i:00}", [.. Enumerable.Range(0, i + 1).Select(p => $"Kim Zed{p:00}")])).ToList();
        using var index = SegmentedIndexOf(titles);
        using var lease = index.Acquire();

        var expanded = WordPrefixes.MostFrequent(lease.Searcher.IndexReader, IndexFields.People, "zed");

        Assert.Equal(Enumerable.Range(0, WordPrefixes.MaxTerms).Select(p => $"zed{p:00}"), expanded);
    }

    private static SegmentedIndex SegmentedIndexOf(IReadOnlyList<Title> titles) => new(titles, segmentSize: 3);

    private static Title Title(string id, string[] cast) => new()
    {
        Id = id, Name = id, Kind = TitleKind.Movie, AddedAt = FixtureTitles.Now.AddDays(-1), Cast = [.. cast],
    };
}
