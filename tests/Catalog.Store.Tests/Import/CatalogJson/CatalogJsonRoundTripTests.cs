using Catalog.Core.Titles;
using Catalog.Store.Import.CatalogJson;

namespace Catalog.Store.Tests.Import.CatalogJson;

public sealed class CatalogJsonRoundTripTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async Task InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static Title EveryField() => new()
    {
        Id = "leon-the-professional-1994",
        Kind = TitleKind.Movie,
        Name = "Léon: The Professional",
        OriginalName = "Léon",
        AlternateNames = ["The Professional", "Leon"],
        Synopsis = "A hitman takes in a girl.\nLine two with \"quotes\".",
        ReleaseDate = new DateOnly(1994, 9, 14),
        ReleaseYear = 1994,
        AddedAt = new DateTime(2025, 12, 24, 18, 30, 15, 250, DateTimeKind.Utc),
        AvailableUntil = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        RuntimeMinutes = 110,
        ContentRating = "R",
        Languages = ["en", "fr", "it"],
        Countries = ["FR", "US"],
        Genres = ["Crime", "Drama"],
        Tags = ["hitman", "new york"],
        Directors = ["Luc Besson"],
        Cast = ["Jean Reno", "Natalie Portman"],
        ImdbId = "tt0110413",
        TmdbId = "101",
        RatingSum = 8.5 * 1234 + 0.125,
        RatingCount = 1234,
        Trailers =
        [
            new Trailer
            {
                Id = "leon-yt", TitleId = "leon-the-professional-1994", Url = "https://www.youtube.com/watch?v=jawVxq1Iyl0",
                EmbedUrl = "https://www.youtube-nocookie.com/embed/jawVxq1Iyl0", Site = TrailerSite.YouTube, Kind = TrailerKind.Trailer, Language = "en",
            },
            new Trailer
            {
                Id = "leon-vimeo", TitleId = "leon-the-professional-1994", Url = "https://vimeo.com/123456",
                EmbedUrl = "https://player.vimeo.com/video/123456", Site = TrailerSite.Vimeo, Kind = TrailerKind.Teaser, Language = "fr",
            },
        ],
    };

    private static Title YearOnly() => new()
    {
        Id = "year-only", Kind = TitleKind.Documentary, Name = "Year Only", ReleaseYear = 1931,
        AddedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public async Task Every_field_survives_write_import_export_import()
    {
        var written = await CatalogJsonWriter.ToStringAsync([EveryField(), YearOnly()], new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var summary = await _h.ImportAsync(_h.File("first.json", written));
        Assert.Equal(2, summary.Inserted);
        Assert.Empty(summary.Warnings);

        var stored = await _h.TitlesAsync();
        AssertSameTitle(EveryField(), stored.Single(t => t.Id == "leon-the-professional-1994"));
        AssertSameTitle(YearOnly(), stored.Single(t => t.Id == "year-only"));

        var exported = await CatalogJsonWriter.ToStringAsync(stored, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(written, exported);
        var again = await _h.ImportAsync(_h.File("second.json", exported));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Skipped));
    }

    [Fact]
    public async Task The_written_document_is_the_documented_envelope_with_one_title_per_line()
    {
        var text = await CatalogJsonWriter.ToStringAsync([YearOnly()], new DateTime(2010, 10, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(
            "{\"format\":\"catalog-json\",\"version\":1,\"asOf\":\"2010-10-01T00:00:00Z\",\"titles\":[\n" +
            "  {\"id\":\"year-only\",\"kind\":\"DOCUMENTARY\",\"name\":\"Year Only\",\"releaseDate\":\"1931\",\"addedAt\":\"2025-01-01T00:00:00Z\"}\n]}\n",
            text);
    }

    private static void AssertSameTitle(Title expected, Title actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.OriginalName, actual.OriginalName);
        Assert.Equal(expected.AlternateNames, actual.AlternateNames);
        Assert.Equal(expected.Synopsis, actual.Synopsis);
        Assert.Equal(expected.ReleaseDate, actual.ReleaseDate);
        Assert.Equal(expected.ReleaseYear, actual.ReleaseYear);
        Assert.Equal(expected.AddedAt, actual.AddedAt);
        Assert.Equal(DateTimeKind.Utc, actual.AddedAt.Kind);
        Assert.Equal(expected.AvailableUntil, actual.AvailableUntil);
        Assert.Equal(expected.RuntimeMinutes, actual.RuntimeMinutes);
        Assert.Equal(expected.ContentRating, actual.ContentRating);
        Assert.Equal(expected.Languages, actual.Languages);
        Assert.Equal(expected.Countries, actual.Countries);
        Assert.Equal(expected.Genres, actual.Genres);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Directors, actual.Directors);
        Assert.Equal(expected.Cast, actual.Cast);
        Assert.Equal(expected.ImdbId, actual.ImdbId);
        Assert.Equal(expected.TmdbId, actual.TmdbId);
        Assert.Equal(expected.RatingSum, actual.RatingSum);
        Assert.Equal(expected.RatingCount, actual.RatingCount);
        Assert.Equal(expected.Trailers.Count, actual.Trailers.Count);
        foreach (var trailer in expected.Trailers)
        {
            var stored = actual.Trailers.Single(t => t.Id == trailer.Id);
            Assert.Equal(
                (trailer.TitleId, trailer.Url, trailer.EmbedUrl, trailer.Site, trailer.Kind, trailer.Language),
                (stored.TitleId, stored.Url, stored.EmbedUrl, stored.Site, stored.Kind, stored.Language));
        }
    }
}
