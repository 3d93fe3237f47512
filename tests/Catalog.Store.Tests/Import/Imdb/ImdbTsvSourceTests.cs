using Catalog.Core.Titles;
using Catalog.Store.Import;
using Catalog.Store.Import.Imdb;
using Catalog.Store.Tests.Import.MovieLens;

namespace Catalog.Store.Tests.Import.Imdb;

public sealed class ImdbTsvSourceTests : IDisposable
{
    internal const string Header = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres";
    internal const string RatingsHeader = "tconst\taverageRating\tnumVotes";

    private readonly FixtureFolder _folder = new();
    private readonly ImdbTsvSource _source = new();

    public void Dispose() => _folder.Dispose();

    private async Task<List<SourceRecord>> ReadAsync(string? path = null) => await FixtureFolder.ReadAllAsync(_source, path ?? _folder.Path);

    private static string Row(string tconst, string type, string name, string original = "\\N", string adult = "0",
        string start = "\\N", string runtime = "\\N", string genres = "\\N") =>
        string.Join('\t', tconst, type, name, original, adult, start, "\\N", runtime, genres);

    [Fact]
    public async Task Maps_basics_and_ratings()
    {
        _folder.Write("title.basics.tsv", Header,
            Row("tt0111161", "movie", "The Shawshank Redemption", "The Shawshank Redemption", start: "1994", runtime: "142", genres: "Drama"),
            Row("tt0245429", "movie", "Spirited Away", "Sen to Chihiro no kamikakushi", start: "2001", runtime: "125", genres: "Adventure,Animation,Family"));
        _folder.Write("title.ratings.tsv", RatingsHeader, "tt0111161\t9.3\t3000000", "tt0245429\t8.6\t1000");

        var records = await ReadAsync();

        var shawshank = records[0].Draft!.Title;
        Assert.Equal("tt0111161", shawshank.Id);
        Assert.Equal("tt0111161", shawshank.ImdbId);
        Assert.Equal("The Shawshank Redemption", shawshank.Name);
        Assert.Null(shawshank.OriginalName);
        Assert.Equal(TitleKind.Movie, shawshank.Kind);
        Assert.Equal(1994, shawshank.ReleaseYear);
        Assert.Null(shawshank.ReleaseDate);
        Assert.Equal(142, shawshank.RuntimeMinutes);
        Assert.Equal(["Drama"], shawshank.Genres);
        Assert.Equal(9.3 * 3000000, shawshank.RatingSum);
        Assert.Equal(3000000, shawshank.RatingCount);

        var spirited = records[1].Draft!.Title;
        Assert.Equal("Sen to Chihiro no kamikakushi", spirited.OriginalName);
        Assert.Equal(["Adventure", "Animation", "Family"], spirited.Genres);
        Assert.Equal(8600, spirited.RatingSum, 6);
        Assert.All(records, r => Assert.Empty(r.Warnings));
    }

    [Theory]
    [InlineData("movie", TitleKind.Movie)]
    [InlineData("tvMovie", TitleKind.Movie)]
    [InlineData("video", TitleKind.Movie)]
    [InlineData("tvSeries", TitleKind.Series)]
    [InlineData("tvMiniSeries", TitleKind.Series)]
    [InlineData("short", TitleKind.Short)]
    [InlineData("tvShort", TitleKind.Short)]
    [InlineData("tvSpecial", TitleKind.Special)]
    public async Task Title_types_map_to_kinds(string titleType, TitleKind kind)
    {
        _folder.Write("title.basics.tsv", Header, Row("tt0000001", titleType, "Something"));

        Assert.Equal(kind, (await ReadAsync()).Single().Draft!.Title.Kind);
    }

    [Fact]
    public async Task A_documentary_film_is_a_documentary_but_a_documentary_series_stays_a_series()
    {
        _folder.Write("title.basics.tsv", Header,
            Row("tt0000001", "movie", "Hoop Dreams", genres: "Documentary,Sport"),
            Row("tt0000002", "tvMiniSeries", "Planet Earth", genres: "Documentary"));

        var records = await ReadAsync();

        Assert.Equal(TitleKind.Documentary, records[0].Draft!.Title.Kind);
        Assert.Equal(TitleKind.Series, records[1].Draft!.Title.Kind);
    }

    [Theory]
    [InlineData("tvEpisode")]
    [InlineData("tvPilot")]
    [InlineData("videoGame")]
    [InlineData("somethingNew")]
    public async Task Other_title_types_are_skipped_with_the_type_named(string titleType)
    {
        _folder.Write("title.basics.tsv", Header, Row("tt0000001", titleType, "Pilot"), Row("tt0000002", "movie", "Film"));

        var records = await ReadAsync();

        Assert.Equal($"titleType '{titleType}' is not imported (episodes, pilots and video games are not catalog titles)", records[0].SkipReason);
        Assert.Null(records[0].RejectReason);
        Assert.Equal("Pilot", records[0].Name);
        Assert.Equal("Film", records[1].Draft!.Title.Name);
    }

    [Fact]
    public async Task Null_values_leave_their_fields_out()
    {
        _folder.Write("title.basics.tsv", Header, Row("tt0000001", "movie", "Unknown Film"));

        var draft = (await ReadAsync()).Single().Draft!;

        Assert.Equal(new[] { nameof(Title.Name), nameof(Title.Kind), nameof(Title.ImdbId) }.Order(), draft.Fields.Order());
        Assert.Null(draft.Title.ReleaseYear);
        Assert.Null(draft.Title.RuntimeMinutes);
        Assert.Empty(draft.Title.Genres);
    }

    [Fact]
    public async Task Adult_titles_are_tagged_and_odd_flags_and_numbers_are_warned_about()
    {
        _folder.Write("title.basics.tsv", Header,
            Row("tt0000001", "movie", "Adult Film", adult: "1", start: "2001"),
            Row("tt0000002", "movie", "Odd Film", adult: "yes", start: "19x5", runtime: "long"));

        var records = await ReadAsync();

        Assert.Equal(["adult"], records[0].Draft!.Title.Tags);
        Assert.Contains(nameof(Title.Tags), records[0].Draft!.Fields);
        var odd = records[1];
        Assert.Empty(odd.Draft!.Title.Tags);
        Assert.Null(odd.Draft.Title.ReleaseYear);
        Assert.Null(odd.Draft.Title.RuntimeMinutes);
        Assert.Equal(
            ["startYear '19x5' is not a whole number; ignored", "runtimeMinutes 'long' is not a whole number; ignored", "isAdult 'yes' is not 0 or 1; taken as 0"],
            odd.Warnings);
    }

    [Fact]
    public async Task Broken_rows_are_rejected_and_a_stray_quote_swallows_nothing()
    {
        _folder.Write("title.basics.tsv", Header,
            Row("tt0000001", "movie", "\"Quoted start"),
            "tt0000002\tmovie\tToo Few Columns",
            Row("nm0000003", "movie", "Not A Title Id"),
            Row("tt0000004", "movie", "\\N"),
            Row("tt0000005", "movie", "Film \"5\"\" with quotes\""),
            Row("tt0000006", "movie", "Last Film"));

        var records = await ReadAsync();

        Assert.Equal(6, records.Count);
        Assert.Equal("\"Quoted start", records[0].Draft!.Title.Name);
        Assert.Equal("expected 9 tab-separated columns, found 3", records[1].RejectReason);
        Assert.Equal("tconst 'nm0000003' is not an IMDb id (tt followed by digits)", records[2].RejectReason);
        Assert.Equal("primaryTitle is empty", records[3].RejectReason);
        Assert.Equal("Film \"5\"\" with quotes\"", records[4].Draft!.Title.Name);
        Assert.Equal("Last Film", records[5].Draft!.Title.Name);
    }

    [Fact]
    public async Task Records_are_basics_line_numbers_with_the_header_as_line_1()
    {
        _folder.Write("title.basics.tsv", Header, Row("tt0000001", "movie", "A"), "", Row("tt0000002", "movie", "B"));

        Assert.Equal([2, 4], (await ReadAsync()).Select(r => r.Record));
    }

    [Fact]
    public async Task Reads_gzip_files_given_as_a_folder_or_as_the_file()
    {
        var basics = _folder.WriteGzip("title.basics.tsv.gz", Header, Row("tt0000001", "movie", "Zipped", start: "1999"));
        _folder.WriteGzip("title.ratings.tsv.gz", RatingsHeader, "tt0000001\t7.5\t10");

        foreach (var path in new[] { _folder.Path, basics })
        {
            var title = (await ReadAsync(path)).Single().Draft!.Title;
            Assert.Equal("Zipped", title.Name);
            Assert.Equal(75, title.RatingSum, 6);
            Assert.Equal(10, title.RatingCount);
        }
    }

    [Fact]
    public async Task Titles_without_a_usable_rating_leave_the_rating_out_with_a_reason_when_it_is_bad()
    {
        _folder.Write("title.basics.tsv", Header,
            Row("tt0000001", "movie", "Unrated"),
            Row("tt0000002", "movie", "Badly Rated"),
            Row("tt0000003", "movie", "Rated"));
        _folder.Write("title.ratings.tsv", RatingsHeader, "tt0000002\t11.5\t10", "garbage\t5\t5", "tt0000003\t6\t2");

        var records = await ReadAsync();

        Assert.DoesNotContain(nameof(Title.RatingSum), records[0].Draft!.Fields);
        Assert.DoesNotContain(nameof(Title.RatingCount), records[1].Draft!.Fields);
        Assert.Equal(["title.ratings.tsv line 2: averageRating '11.5' is not a number from 1 to 10; rating ignored"], records[1].Warnings);
        Assert.Equal(12, records[2].Draft!.Title.RatingSum);
        Assert.Contains("title.ratings.tsv line 3: tconst 'garbage' is not an IMDb id; row ignored", records[2].Warnings);
    }

    public static TheoryData<string[], string[], double[]> RatingOrders => new()
    {
        // Sorted both sides, with titles missing on either side and 8-digit ids after 7-digit ones.
        {
            ["tt0000002", "tt0000004", "tt0000006", "tt10000000"],
            ["tt0000001\t1\t1", "tt0000002\t2\t1", "tt0000005\t5\t1", "tt0000006\t6\t1", "tt9999999\t9\t1", "tt10000000\t10\t1"],
            [2, 0, 6, 10]
        },
        // Neither file sorted.
        {
            ["tt0000005", "tt0000002", "tt10000001", "tt0000009"],
            ["tt0000009\t9\t1", "tt0000002\t2\t1", "tt10000001\t8\t1", "tt0000005\t5\t1"],
            [5, 2, 8, 9]
        },
        // Sorted ratings, titles going backwards part-way.
        {
            ["tt0000003", "tt0000001", "tt0000002"],
            ["tt0000001\t1\t1", "tt0000002\t2\t1", "tt0000003\t3\t1"],
            [3, 1, 2]
        },
    };

    [Theory]
    [MemberData(nameof(RatingOrders))]
    public async Task Every_title_finds_its_rating_whatever_the_order_of_the_files(string[] tconsts, string[] ratings, double[] sums)
    {
        _folder.Write("title.basics.tsv", [Header, .. tconsts.Select(t => Row(t, "movie", t))]);
        _folder.Write("title.ratings.tsv", [RatingsHeader, .. ratings]);

        var records = await ReadAsync();

        Assert.Equal(sums, records.Select(r => r.Draft!.Title.RatingSum));
    }

    [Fact]
    public async Task Position_covers_both_files_when_given_the_folder()
    {
        var basics = _folder.Write("title.basics.tsv", Header, Row("tt0000001", "movie", "A"));
        var ratings = _folder.Write("title.ratings.tsv", RatingsHeader, "tt0000001\t5\t1");

        Assert.Equal(new FileInfo(basics).Length + new FileInfo(ratings).Length, (await ReadAsync()).Single().Position);
        Assert.Equal(new FileInfo(basics).Length, (await ReadAsync(basics)).Single().Position);
    }

    [Fact]
    public async Task Unexpected_headers_fail_the_whole_import()
    {
        _folder.Write("title.basics.tsv", "tconst\ttitleType\tname", Row("tt0000001", "movie", "A"));
        await Assert.ThrowsAsync<ImportException>(() => ReadAsync());

        _folder.Write("title.basics.tsv", Header, Row("tt0000001", "movie", "A"));
        _folder.Write("title.ratings.tsv", "tconst\trating", "tt0000001\t5");
        var error = await Assert.ThrowsAsync<ImportException>(() => ReadAsync());
        Assert.Contains("title.ratings.tsv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_title_basics_fails_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => ReadAsync());
        Assert.Contains("title.basics.tsv", error.Message, StringComparison.Ordinal);
    }
}
