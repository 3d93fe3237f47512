using Catalog.Core.Titles;

namespace Catalog.Store.Tests.Import;

/// <summary>The shared title rules in lenient mode, exercised through catalog-json imports (clock: 2026-01-15).</summary>
public sealed class TitleValidationTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async Task InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("""{"id":"a b","name":"A"}""", "id 'a b' is not URL-safe")]
    [InlineData("""{"id":"a","name":"   "}""", "name is empty")]
    [InlineData("""{"id":"a","name":"A","releaseDate":"1850"}""", "release year 1850 is before 1870")]
    [InlineData("""{"id":"a","name":"A","releaseDate":"2037-02-01"}""", "release date 2037-02-01 is more than 10 years in the future (now 2026-01-15)")]
    [InlineData("""{"id":"a","name":"A","addedAt":"2025-05-01T00:00:00Z","availableUntil":"2025-04-01T00:00:00Z"}""", "availableUntil 2025-04-01T00:00:00Z is not after addedAt")]
    [InlineData("""{"id":"a","name":"A","availableUntil":"2026-01-01T00:00:00Z"}""", "availableUntil 2026-01-01T00:00:00Z is not after addedAt 2026-01-15")]
    public async Task Impossible_identity_or_dates_reject_the_record(string json, string reason)
    {
        var summary = await _h.ImportAsync(_h.File("v.json", TitleImporterTests.Catalog(json)));

        Assert.Equal(0, summary.Inserted);
        Assert.StartsWith(reason, Assert.Single(summary.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_up_to_ten_years_ahead_is_an_announced_title()
    {
        var summary = await _h.ImportAsync(_h.File("v.json", TitleImporterTests.Catalog("""{"id":"a","name":"A","releaseDate":"2035-12-01"}""")));

        Assert.Equal(1, summary.Inserted);
    }

    [Theory]
    [InlineData("""{"id":"a","name":"A","runtimeMinutes":0}""", "runtime 0 minutes is outside 1..2000; dropped")]
    [InlineData("""{"id":"a","name":"A","runtimeMinutes":2001}""", "runtime 2001 minutes is outside 1..2000; dropped")]
    [InlineData("""{"id":"a","name":"A","rating":{"sum":200,"count":10}}""", "rating mean 20 is outside 1..10; rating dropped")]
    [InlineData("""{"id":"a","name":"A","rating":{"sum":5,"count":0}}""", "rating sum 5 without votes; rating dropped")]
    [InlineData("""{"id":"a","name":"A","imdbId":"0078748"}""", "imdbId '0078748' is not of the form tt1234567; dropped")]
    [InlineData("""{"id":"a","name":"A","trailers":[{"url":"http://www.youtube.com/watch?v=abc"}]}""", "trailer 'http://www.youtube.com/watch?v=abc': Refused trailer URL: trailer URLs must use https")]
    [InlineData("""{"id":"a","name":"A","trailers":[{"url":"https://youtube.com.evil.example/watch?v=abc"}]}""", "trailer 'https://youtube.com.evil.example/watch?v=abc': Refused trailer URL: 'youtube.com.evil.example' is not an allowed trailer host")]
    [InlineData("""{"id":"a","name":"A","trailers":[{"url":"https://www.youtube.com/embed/'onload='alert(1)"}]}""", "trailer 'https://www.youtube.com/embed/'onload='alert(1)': Refused trailer URL: the trailer URL contains one of")]
    public async Task A_bad_optional_value_is_dropped_with_a_warning(string json, string warning)
    {
        var summary = await _h.ImportAsync(_h.File("v.json", TitleImporterTests.Catalog(json)));

        Assert.Equal(1, summary.Inserted);
        Assert.Equal(warning, Assert.Single(summary.Warnings).Reason[..warning.Length]);
        var a = (await _h.TitleAsync("a"))!;
        Assert.Null(a.RuntimeMinutes);
        Assert.Null(a.ImdbId);
        Assert.Equal((0, 0.0), (a.RatingCount, a.RatingSum));
        Assert.Empty(a.Trailers);
    }

    [Fact]
    public async Task Trailers_get_their_site_embed_url_and_a_stable_id()
    {
        var json = TitleImporterTests.Catalog("""{"id":"a","name":"A","trailers":[{"url":"https://youtu.be/dQw4w9WgXcQ","kind":"TEASER","language":" EN "},{"url":"https://www.imdb.com/video/vi123/"}]}""");

        await _h.ImportAsync(_h.File("t.json", json));
        var again = await _h.ImportAsync(_h.File("t.json", json));

        Assert.Equal(1, again.Skipped);
        var trailers = (await _h.TitleAsync("a"))!.Trailers.OrderBy(t => t.Site).ToList();
        Assert.Equal((TrailerSite.YouTube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", TrailerKind.Teaser, "en"),
            (trailers[0].Site, trailers[0].EmbedUrl, trailers[0].Kind, trailers[0].Language));
        Assert.Equal((TrailerSite.Imdb, null), (trailers[1].Site, trailers[1].EmbedUrl));
        Assert.All(trailers, t => Assert.StartsWith("tr-", t.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trailer_id_that_belongs_to_another_title_is_dropped()
    {
        await _h.ImportAsync(_h.File("a.json", TitleImporterTests.Catalog("""{"id":"a","name":"A","trailers":[{"id":"t1","url":"https://vimeo.com/1"}]}""")));

        var summary = await _h.ImportAsync(_h.File("b.json", TitleImporterTests.Catalog("""{"id":"b","name":"B","trailers":[{"id":"t1","url":"https://vimeo.com/2"}]}""")));

        Assert.Equal(1, summary.Inserted);
        Assert.Equal("trailer id 't1' already belongs to title 'a'; trailer dropped", Assert.Single(summary.Warnings).Reason);
        Assert.Empty((await _h.TitleAsync("b"))!.Trailers);
        Assert.Equal("https://vimeo.com/1", Assert.Single((await _h.TitleAsync("a"))!.Trailers).Url);
    }

    [Fact]
    public async Task Lists_are_trimmed_and_de_duplicated_ignoring_case_and_tags_lower_cased()
    {
        await _h.ImportAsync(_h.File("l.json", TitleImporterTests.Catalog("""{"id":"a","name":" A ","genres":[" Drama ","drama"],"tags":[" Space ","space","","Dark   Comedy"]}""")));

        var a = (await _h.TitleAsync("a"))!;
        Assert.Equal("A", a.Name);
        Assert.Equal(["Drama"], a.Genres);
        Assert.Equal(["space", "dark comedy"], a.Tags);
    }
}
