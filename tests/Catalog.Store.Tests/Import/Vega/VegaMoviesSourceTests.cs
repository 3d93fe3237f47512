using Catalog.Core.Titles;

namespace Catalog.Store.Tests.Import.Vega;

public sealed class VegaMoviesSourceTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async Task InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string Movie(string title, string date = "Jun 12 1998", string extra = "") =>
        $$"""{"Title": {{title}}, "Release Date": "{{date}}", "MPAA Rating": null, "IMDB Rating": null, "IMDB Votes": null{{extra}}}""";

    private async Task<(Catalog.Store.Import.ImportSummary Summary, List<Title> Titles)> ImportAsync(params string[] movies)
    {
        var summary = await _h.ImportAsync(_h.File("movies.json", "[\n" + string.Join(",\n", movies) + "\n]"), "vega-movies");
        return (summary, await _h.TitlesAsync());
    }

    [Fact]
    public async Task A_numeric_title_is_read_as_text_with_a_warning()
    {
        var (summary, titles) = await ImportAsync(Movie("1776", "Nov 09 1972"));

        var title = Assert.Single(titles);
        Assert.Equal(("1776-1972", "1776"), (title.Id, title.Name));
        var warning = Assert.Single(summary.Warnings);
        Assert.Equal((1, "1776"), (warning.Record, warning.Name));
        Assert.Equal("Title is the JSON number 1776; read as the text \"1776\"", warning.Reason);
    }

    [Fact]
    public async Task A_missing_title_rejects_only_that_record()
    {
        var (summary, titles) = await ImportAsync(Movie("null", "Nov 03 2006"), Movie("\"Heat\"", "Dec 15 1995"));

        Assert.Equal(1, Assert.Single(summary.Rejected).Record);
        Assert.Equal("Title is missing", summary.Rejected[0].Reason);
        Assert.Equal("heat-1995", Assert.Single(titles).Id);
    }

    [Theory]
    [InlineData("LÈon", "Léon")]
    [InlineData("Le Fabuleux destin d'AmÈlie Poulain", "Le Fabuleux destin d'Amélie Poulain")]
    [InlineData("I Love You Ö Don't Touch Me!", "I Love You … Don't Touch Me!")]
    [InlineData("The Naked Gun 2Ω: The Smell of Fear", "The Naked Gun 2½: The Smell of Fear")]
    [InlineData("Per qualche dollaro in pi˘", "Per qualche dollaro in più")]
    [InlineData("Die F‰lscher", "Die Fälscher")]
    [InlineData("Obsluhoval jsem anglickÈho kr·le", "Obsluhoval jsem anglického krále")]
    public async Task Mac_Roman_mojibake_is_repaired_with_a_warning(string broken, string repaired)
    {
        var (summary, titles) = await ImportAsync(Movie($"\"{broken}\""));

        var title = Assert.Single(titles);
        Assert.Equal(repaired, title.Name);
        Assert.Equal(TitleIds.Slug(repaired, 1998), title.Id);
        var warning = Assert.Single(summary.Warnings);
        Assert.Equal(broken, warning.Name);
        Assert.Contains($"repaired to '{repaired}'", warning.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ri¢hie Ri¢h")]
    [InlineData("Alien³")]
    [InlineData("Amélie")]
    [InlineData("Déjà Vu")]
    public async Task Real_symbols_and_correct_accents_are_left_alone(string name)
    {
        var (summary, titles) = await ImportAsync(Movie($"\"{name}\""));

        Assert.Equal(name, Assert.Single(titles).Name);
        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public async Task Release_dates_a_century_late_are_read_as_two_digit_year_errors()
    {
        var (summary, titles) = await ImportAsync(
            Movie("\"The Best Years of Our Lives\"", "Nov 21 2046"),
            Movie("\"Restless\"", "Jan 28 2011"),
            Movie("\"Bad Date\"", "Juneteenth"));

        var best = titles.Single(t => t.Name == "The Best Years of Our Lives");
        Assert.Equal(("the-best-years-of-our-lives-1946", new DateOnly(1946, 11, 21), 1946), (best.Id, best.ReleaseDate, best.ReleaseYear));
        Assert.Equal(new DateOnly(2011, 1, 28), titles.Single(t => t.Name == "Restless").ReleaseDate);
        var undated = titles.Single(t => t.Name == "Bad Date");
        Assert.Equal(("bad-date", null, null), (undated.Id, undated.ReleaseDate, undated.ReleaseYear));
        Assert.Equal(
            ["Release Date 'Nov 21 2046' is after the data set was compiled (2010): a two-digit-year error, read as 1946-11-21",
             "Release Date 'Juneteenth' is not a date like 'Jun 12 1998'; dropped"],
            summary.Warnings.Select(w => w.Reason));
    }

    [Fact]
    public async Task Inverted_articles_and_year_suffixes_are_taken_out_of_names()
    {
        var (summary, titles) = await ImportAsync(
            Movie("\"Secret, The\"", "Apr 20 2007"),
            Movie("\"King Kong (1933)\"", "Apr 07 2033"),
            Movie("\"Metropolis (2002)\"", "Jan 25 2002"),
            Movie("\"Fantasia 2000 (IMAX)\"", "Jan 01 2000"));

        Assert.Equal(
            ["fantasia-2000-imax-2000", "king-kong-1933", "metropolis-2002", "the-secret-2007"],
            titles.Select(t => t.Id));
        Assert.Equal(["Fantasia 2000 (IMAX)", "King Kong", "Metropolis", "The Secret"], titles.Select(t => t.Name));
        Assert.Equal(4, summary.Warnings.Count);
    }

    [Fact]
    public async Task Descriptive_columns_become_kind_genres_tags_rating_and_people()
    {
        var (_, titles) = await ImportAsync(
            Movie("\"The Land Girls\"", "Jun 12 1998", """, "MPAA Rating": "R", "Running Time min": 111, "Distributor": "Gramercy", "Source": "Based on Book/Short Story", "Major Genre": "Thriller/Suspense", "Creative Type": "Historical Fiction", "Director": "David Leland", "IMDB Rating": 6.1, "IMDB Votes": 1071"""),
            Movie("\"Unrated Doc\"", "Jun 12 1999", """, "MPAA Rating": "Not Rated", "Major Genre": "Documentary", "Creative Type": "Multiple Creative Types" """),
            Movie("\"Open Concert\"", "Jun 12 2000", """, "MPAA Rating": "Open", "Major Genre": "Concert/Performance" """));

        var girls = titles.Single(t => t.Id == "the-land-girls-1998");
        Assert.Equal((TitleKind.Movie, "R", 111), (girls.Kind, girls.ContentRating, girls.RuntimeMinutes));
        Assert.Equal(["Thriller"], girls.Genres);
        Assert.Equal(["suspense", "historical fiction", "based on book", "gramercy"], girls.Tags);
        Assert.Equal(["David Leland"], girls.Directors);
        Assert.Equal((6533.1, 1071), (girls.RatingSum, girls.RatingCount));
        var doc = titles.Single(t => t.Id == "unrated-doc-1999");
        Assert.Equal((TitleKind.Documentary, "NR"), (doc.Kind, doc.ContentRating));
        Assert.Empty(doc.Tags);
        var concert = titles.Single(t => t.Id == "open-concert-2000");
        Assert.Equal((TitleKind.Special, null), (concert.Kind, concert.ContentRating));
        Assert.Equal(["Music"], concert.Genres);
    }

    [Fact]
    public async Task Remakes_get_their_own_ids_and_exact_repeats_are_skipped()
    {
        var (summary, titles) = await ImportAsync(
            Movie("\"King Kong\"", "Dec 17 1976"),
            Movie("\"King Kong\"", "Dec 14 2005"),
            Movie("\"King Kong\"", "Dec 14 2005"));

        Assert.Equal(["king-kong-1976", "king-kong-2005"], titles.Select(t => t.Id));
        Assert.Equal((2, 1), (summary.Inserted, summary.Skipped));
        Assert.Equal((3, "duplicate of record 2 with the same values; skipped"), (summary.Warnings.Single().Record, summary.Warnings.Single().Reason));
    }

    [Fact]
    public async Task A_rating_shared_by_same_named_films_of_different_years_is_dropped_from_both()
    {
        var (summary, titles) = await ImportAsync(
            Movie("\"Crash\"", "Oct 04 1996", """, "IMDB Rating": 7.9, "IMDB Votes": 20886"""),
            Movie("\"Crash\"", "May 06 2005", """, "IMDB Rating": 7.9, "IMDB Votes": 20886"""),
            Movie("\"Hamlet\"", "Dec 25 1996", """, "IMDB Rating": 7.8, "IMDB Votes": 5147"""),
            Movie("\"Hamlet\"", "May 12 2000", """, "IMDB Rating": 6.1, "IMDB Votes": 3000"""));

        Assert.All(titles.Where(t => t.Name == "Crash"), t => Assert.Equal((0, 0.0), (t.RatingCount, t.RatingSum)));
        Assert.Equal([3000, 5147], titles.Where(t => t.Name == "Hamlet").Select(t => t.RatingCount).Order());
        Assert.Equal([1, 2], summary.Warnings.Select(w => w.Record));
        Assert.All(summary.Warnings, w => Assert.EndsWith("(ratings joined on the title); rating dropped", w.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reimporting_never_moves_the_added_date()
    {
        await ImportAsync(Movie("\"Heat\"", "Dec 15 1995"));
        var added = Assert.Single(await _h.TitlesAsync()).AddedAt;
        _h.Store.Clock.Advance(TimeSpan.FromDays(40));

        var (summary, titles) = await ImportAsync(Movie("\"Heat\"", "Dec 15 1995", """, "Running Time min": 170"""));

        Assert.Equal(1, summary.Updated);
        Assert.Equal((added, 170), (Assert.Single(titles).AddedAt, titles[0].RuntimeMinutes));
    }

    [SkippableFact]
    public async Task The_real_file_accounts_for_every_record_and_imports_idempotently()
    {
        VegaDataset.SkipUnlessPresent();

        var first = await _h.ImportAsync(VegaDataset.Path);
        var sequence = await _h.LastSequenceAsync();
        _h.Store.Clock.Advance(TimeSpan.FromDays(1));
        var second = await _h.ImportAsync(VegaDataset.Path);

        Assert.Equal(3201, first.Inserted + first.Updated + first.Skipped + first.Rejected.Count);
        Assert.All(first.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal((0, 0), (second.Inserted, second.Updated));
        Assert.Equal(first.Inserted + first.Skipped, second.Skipped);
        Assert.Equal(sequence, await _h.LastSequenceAsync());
        Assert.Equal(first.Inserted, sequence);
        var titles = await _h.TitlesAsync();
        Assert.Equal(first.Inserted, titles.Count);
        Assert.All(titles, t => Assert.InRange(t.ReleaseYear ?? 1900, 1900, 2011));
        Assert.Contains(titles, t => t.Name == "Léon");
        Assert.Contains(titles, t => t.Name == "Ri¢hie Ri¢h");
    }
}
