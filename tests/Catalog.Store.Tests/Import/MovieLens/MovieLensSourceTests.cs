using Catalog.Core.Titles;
using Catalog.Store.Import;
using Catalog.Store.Import.MovieLens;

namespace Catalog.Store.Tests.Import.MovieLens;

public sealed class MovieLensSourceTests : IDisposable
{
    private readonly FixtureFolder _folder = new();
    private readonly MovieLensSource _source = new();

    public void Dispose() => _folder.Dispose();

    private void WriteSample()
    {
        _folder.Write("movies.csv",
            "movieId,title,genres",
            "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy",
            "318,\"Shawshank Redemption, The (1994)\",Crime|Drama",
            "5000,Some Film Without Links (2003),Sci-Fi|IMAX",
            "6000,Planet Earth (2006-2008),Documentary");
        _folder.Write("links.csv",
            "movieId,imdbId,tmdbId",
            "1,0114709,862",
            "318,0111161,278",
            "6000,,");
        _folder.Write("tags.csv",
            "userId,movieId,tag,timestamp",
            "15,1,  Pixar ,1139045764",
            "20,1,pixar,1139045765",
            "21,1,\"fun, for kids\",1139045766",
            "21,318,prison,1139045767");
        _folder.Write("ratings.csv",
            "userId,movieId,rating,timestamp",
            "1,1,4.0,964982703",
            "2,1,5.0,964982704",
            "3,1,0.5,964982705",
            "1,318,4.5,964982706");
    }

    private async Task<List<SourceRecord>> ReadAsync() => await FixtureFolder.ReadAllAsync(_source, _folder.Path);

    [Fact]
    public async Task Maps_movies_with_links_tags_and_ratings()
    {
        WriteSample();

        var records = await ReadAsync();

        var toy = records[0].Draft!.Title;
        Assert.Equal("tt0114709", toy.Id);
        Assert.Equal("tt0114709", toy.ImdbId);
        Assert.Equal("862", toy.TmdbId);
        Assert.Equal("Toy Story", toy.Name);
        Assert.Equal(1995, toy.ReleaseYear);
        Assert.Null(toy.ReleaseDate);
        Assert.Equal(TitleKind.Movie, toy.Kind);
        Assert.Equal(["Adventure", "Animation", "Family", "Comedy", "Fantasy"], toy.Genres);
        Assert.Equal(["pixar", "fun, for kids"], toy.Tags);
        Assert.Equal(19.0, toy.RatingSum);
        Assert.Equal(3, toy.RatingCount);

        var shawshank = records[1];
        Assert.Equal("Shawshank Redemption, The (1994)", shawshank.Name);
        Assert.Equal("The Shawshank Redemption", shawshank.Draft!.Title.Name);
        Assert.Equal("tt0111161", shawshank.Id);
        Assert.Equal(9.0, shawshank.Draft.Title.RatingSum);
        Assert.All(records, r => Assert.Empty(r.Warnings));
    }

    [Fact]
    public async Task Without_an_imdb_link_the_id_is_the_slug_of_name_and_year_on_every_run()
    {
        WriteSample();

        var first = await ReadAsync();
        var second = await ReadAsync();

        Assert.Equal("some-film-without-links-2003", first[2].Id);
        Assert.Equal(first.Select(r => r.Id), second.Select(r => r.Id));
        Assert.Null(first[2].Draft!.Title.ImdbId);
        Assert.Equal(0, first[2].Draft!.Title.RatingCount);
    }

    [Fact]
    public async Task Imax_becomes_a_tag_documentary_a_kind_and_a_year_range_a_series()
    {
        WriteSample();

        var records = await ReadAsync();

        Assert.Equal(["Sci-Fi"], records[2].Draft!.Title.Genres);
        Assert.Equal(["imax"], records[2].Draft!.Title.Tags);
        Assert.Equal(TitleKind.Series, records[3].Draft!.Title.Kind);
        Assert.Equal(2006, records[3].Draft!.Title.ReleaseYear);
    }

    [Fact]
    public async Task Documentary_genre_makes_a_documentary()
    {
        _folder.Write("movies.csv", "movieId,title,genres", "7,Hoop Dreams (1994),Documentary");

        var title = (await ReadAsync()).Single().Draft!.Title;

        Assert.Equal(TitleKind.Documentary, title.Kind);
        Assert.Equal(["Documentary"], title.Genres);
    }

    [Fact]
    public async Task Fields_name_only_the_values_the_movie_has()
    {
        WriteSample();
        _folder.Write("movies.csv",
            "movieId,title,genres",
            "1,Toy Story (1995),Comedy",
            "2,Avatar (2009),Sci-Fi|IMAX",
            "3,Unknown,(no genres listed)",
            "4,Postman (Postino) (a.k.a. Il Postino) (1994),Drama");

        var records = await ReadAsync();

        Assert.Equal(
            new[] { nameof(Title.Name), nameof(Title.Kind), nameof(Title.ReleaseYear), nameof(Title.Genres), nameof(Title.Tags), nameof(Title.ImdbId), nameof(Title.TmdbId), nameof(Title.RatingSum), nameof(Title.RatingCount) }.Order(),
            records[0].Draft!.Fields.Order());
        Assert.Equal(
            new[] { nameof(Title.Name), nameof(Title.Kind), nameof(Title.ReleaseYear), nameof(Title.Genres), nameof(Title.Tags) }.Order(),
            records[1].Draft!.Fields.Order());
        Assert.Equal(new[] { nameof(Title.Name), nameof(Title.Kind) }.Order(), records[2].Draft!.Fields.Order());
        Assert.Contains(nameof(Title.OriginalName), records[3].Draft!.Fields);
        Assert.Contains(nameof(Title.AlternateNames), records[3].Draft!.Fields);
        Assert.All(records, r => Assert.DoesNotContain(nameof(Title.AddedAt), r.Draft!.Fields));
    }

    [Fact]
    public async Task Records_are_movies_csv_line_numbers_with_the_header_as_line_1()
    {
        _folder.Write("movies.csv",
            "movieId,title,genres",
            "1,Toy Story (1995),Comedy",
            "",
            "2,Jumanji (1995),Adventure");

        var records = await ReadAsync();

        Assert.Equal([2, 4], records.Select(r => r.Record));
    }

    [Fact]
    public async Task Position_counts_the_side_files_read_first_then_movies_csv()
    {
        WriteSample();
        var sideFiles = new[] { "tags.csv", "links.csv", "ratings.csv" }.Sum(f => new FileInfo(Path.Combine(_folder.Path, f)).Length);

        var last = (await ReadAsync())[^1];

        Assert.Equal(sideFiles + new FileInfo(Path.Combine(_folder.Path, "movies.csv")).Length, last.Position);
    }

    [Fact]
    public async Task Broken_rows_are_rejected_with_reasons_and_their_neighbours_import()
    {
        _folder.Write("movies.csv",
            "movieId,title,genres",
            "1,Toy Story (1995),Comedy",
            "abc,Not A Number (1999),Drama",
            "3,\"Unclosed (1999),Drama",
            "4,Too Few Columns (1999)",
            "1,Toy Story Again (1995),Comedy",
            "6,(1999),Drama",
            "7,Heat (1995),Action");

        var records = await ReadAsync();

        Assert.Equal(7, records.Count);
        Assert.Equal("Toy Story", records[0].Draft!.Title.Name);
        Assert.Contains("movieId 'abc' is not a number", records[1].RejectReason, StringComparison.Ordinal);
        Assert.Contains("quoted field is not closed", records[2].RejectReason, StringComparison.Ordinal);
        Assert.Contains("expected 3 columns", records[3].RejectReason, StringComparison.Ordinal);
        Assert.Equal("duplicate movieId 1 (first on line 2)", records[4].RejectReason);
        Assert.Contains("has no title", records[5].RejectReason, StringComparison.Ordinal);
        Assert.Equal("Heat", records[6].Draft!.Title.Name);
        Assert.All(records.Skip(1).Take(5), r => Assert.Null(r.Draft));
    }

    [Fact]
    public async Task An_unquoted_comma_in_a_title_is_repaired_with_a_warning()
    {
        _folder.Write("movies.csv", "movieId,title,genres", "9,Good, the Bad and the Ugly, The (1966),Western");

        var record = (await ReadAsync()).Single();

        Assert.Equal("The Good, the Bad and the Ugly", record.Draft!.Title.Name);
        Assert.Equal(["Western"], record.Draft.Title.Genres);
        Assert.Contains(record.Warnings, w => w.Contains("unquoted comma", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_title_without_year_is_kept_with_a_warning()
    {
        _folder.Write("movies.csv", "movieId,title,genres", "10,Babylon 5,Sci-Fi");

        var record = (await ReadAsync()).Single();

        Assert.Equal("babylon-5", record.Id);
        Assert.Null(record.Draft!.Title.ReleaseYear);
        Assert.Contains(record.Warnings, w => w.Contains("no \"(year)\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_side_file_rows_are_ignored_with_a_warning_and_good_ones_still_count()
    {
        _folder.Write("movies.csv", "movieId,title,genres", "1,Toy Story (1995),Comedy", "2,Jumanji (1995),Adventure");
        _folder.Write("ratings.csv",
            "userId,movieId,rating,timestamp",
            "1,1,4.0,1",
            "2,1,7,1",
            "3,1,abc,1",
            "4,x,3.0,1",
            "5,2,3.0,1");
        _folder.Write("links.csv", "movieId,imdbId,tmdbId", "1,tt0114709,", "2,notanid,8844");

        var records = await ReadAsync();

        var toy = records[0];
        Assert.Equal(8.0, toy.Draft!.Title.RatingSum);
        Assert.Equal(1, toy.Draft.Title.RatingCount);
        Assert.Contains("ratings.csv: 2 rows ignored (rating is not a number from 0.5 to 5), first on line 3", toy.Warnings);
        Assert.Contains("ratings.csv line 5: movieId is not a number; row ignored", toy.Warnings);
        Assert.Equal("tt0114709", toy.Id);

        var jumanji = records[1];
        Assert.Equal("jumanji-1995", jumanji.Id);
        Assert.Equal("8844", jumanji.Draft!.Title.TmdbId);
        Assert.Equal(6.0, jumanji.Draft.Title.RatingSum);
        Assert.Contains("links.csv line 3: imdbId is not a number; row ignored", jumanji.Warnings);
        Assert.DoesNotContain(jumanji.Warnings, w => w.StartsWith("ratings.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Imdb_ids_are_zero_padded_to_seven_digits()
    {
        _folder.Write("movies.csv", "movieId,title,genres", "1,Old Film (1910),Drama");
        _folder.Write("links.csv", "movieId,imdbId,tmdbId", "1,1234,");

        Assert.Equal("tt0001234", (await ReadAsync()).Single().Id);
    }

    [Fact]
    public async Task A_movies_file_with_another_header_fails_the_whole_import()
    {
        _folder.Write("movies.csv", "id,name", "1,Toy Story");

        var error = await Assert.ThrowsAsync<ImportException>(ReadAsync);
        Assert.Contains("movieId,title,genres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_movies_csv_fails_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ImportException>(ReadAsync);
        Assert.Contains("movies.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_path_may_be_movies_csv_itself()
    {
        WriteSample();

        var records = await FixtureFolder.ReadAllAsync(_source, Path.Combine(_folder.Path, "movies.csv"));

        Assert.Equal(19.0, records[0].Draft!.Title.RatingSum);
    }
}
