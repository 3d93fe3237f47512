using Catalog.Store.Import;

namespace Catalog.Store.Tests.Import.CatalogJson;

public sealed class CatalogJsonReaderTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async Task InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("""{"id":"a","name":"A","runtimeMinutes":"long"}""", "'runtimeMinutes' must be an integer or null")]
    [InlineData("""{"id":"a","name":"A","genres":"Drama"}""", "'genres' must be an array of strings")]
    [InlineData("""{"id":"a","name":"A","genres":null}""", "'genres' must be an array of strings")]
    [InlineData("""{"id":"a","name":"A","kind":"FILM"}""", "'kind' must be one of MOVIE, SERIES, DOCUMENTARY, SPECIAL, SHORT")]
    [InlineData("""{"id":"a","name":"A","addedAt":"2025-01-01 10:00"}""", "'addedAt' must be an ISO 8601 instant")]
    [InlineData("""{"id":"a","name":"A","addedAt":null}""", "'addedAt' must be an ISO 8601 instant, not null")]
    [InlineData("""{"id":"a","name":"A","releaseDate":"12/06/1998"}""", "'releaseDate' must be \"YYYY-MM-DD\", \"YYYY\" or null")]
    [InlineData("""{"id":"a","name":"A","rating":{"sum":5}}""", "'rating' must be {\"sum\": number, \"count\": integer} or null")]
    [InlineData("""{"id":"a","name":"A","trailers":[{"id":"t"}]}""", "'trailers[].url' is required and must be a string")]
    [InlineData("""{"id":7,"name":"A"}""", "'id' is required and must be a string")]
    [InlineData("""{"id":"a"}""", "'name' is required and must be a string")]
    [InlineData("""["a","A"]""", "a title must be a JSON object, not Array")]
    public async Task A_value_of_the_wrong_type_rejects_only_its_record(string bad, string reason)
    {
        var summary = await _h.ImportAsync(_h.File("c.json", TitleImporterTests.Catalog("""{"id":"ok","name":"OK"}""", bad, """{"id":"ok2","name":"OK 2"}""")));

        Assert.Equal(2, summary.Inserted);
        var rejected = Assert.Single(summary.Rejected);
        Assert.Equal(2, rejected.Record);
        Assert.StartsWith(reason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_clears_an_optional_value_and_unknown_properties_are_warned_about()
    {
        await _h.ImportAsync(_h.File("a.json", TitleImporterTests.Catalog("""{"id":"a","name":"A","synopsis":"Text","runtimeMinutes":90}""")));

        var summary = await _h.ImportAsync(_h.File("b.json", TitleImporterTests.Catalog("""{"id":"a","name":"A","synopsis":null,"colour":"red"}""")));

        Assert.Equal(1, summary.Updated);
        var warning = Assert.Single(summary.Warnings);
        Assert.Equal((1, "a", "unknown property 'colour' ignored"), (warning.Record, warning.Id, warning.Reason));
        var a = (await _h.TitleAsync("a"))!;
        Assert.Null(a.Synopsis);
        Assert.Equal(90, a.RuntimeMinutes);
    }

    [Theory]
    [InlineData("""{"format":"other","version":1,"titles":[{"id":"a","name":"A"}]}""", "\"format\" is \"other\"")]
    [InlineData("""{"format":"catalog-json","version":2,"titles":[{"id":"a","name":"A"}]}""", "catalog-json version 2 is not supported")]
    [InlineData("""{"format":"catalog-json","version":1,"titles":[{"id":"a","name":"A"},{"id":"b",}]}""", "is not valid catalog-json input")]
    public async Task A_wrong_envelope_or_malformed_json_fails_the_whole_import(string json, string message)
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => _h.ImportAsync(_h.File("bad.json", json), "catalog-json"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _h.TitlesAsync());
    }
}
