using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Core.Titles;
using Catalog.Store.Import;
using Catalog.Store.Tests.Fixtures;
using Catalog.Store.Tests.Import;
using Catalog.Store.Writes;

namespace Catalog.Store.Tests.Titles;

/// <summary>
/// The same drafts through both writers (clock: 2026-01-15): a catalog-json import (lenient) and a curator
/// edit (strict). They agree when the edit is accepted exactly when the import takes the title without
/// a warning, the refusal names the same rule as the import's rejection or warning, and accepted titles
/// are stored with the same values.
/// </summary>
public sealed class TitleRulesAgreementTests : IAsyncLifetime
{
    private static readonly DateTime Added = new(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private ImportHarness import = null!;
    private TempStore edits = null!;

    public async Task InitializeAsync() => (import, edits) = (await ImportHarness.CreateAsync(), await TempStore.CreateAsync());

    public async Task DisposeAsync()
    {
        await import.DisposeAsync();
        await edits.DisposeAsync();
    }

    public static TheoryData<string, TitleEdit> Drafts() => new()
    {
        { "every field valid", new TitleEdit
            {
                Id = "t", Name = " Heat ", OriginalName = "Heat", Synopsis = "Cops\nand robbers.", ReleaseDate = new DateOnly(2035, 6, 1),
                AddedAt = Added, AvailableUntil = Added.AddYears(1), RuntimeMinutes = 2000, ContentRating = "R", Languages = ["en", "EN"],
                Genres = [" Crime ", "crime", "Drama"], Tags = ["Dark   Comedy", "dark comedy", "Los\tAngeles"], Cast = ["Al Pacino"],
                ImdbId = "tt0113277", TmdbId = "949",
            } },
        { "year only", new TitleEdit { Id = "t", Name = "T", Year = 1870 } },
        { "runtime zero", new TitleEdit { Id = "t", Name = "T", RuntimeMinutes = 0 } },
        { "runtime in seconds", new TitleEdit { Id = "t", Name = "T", RuntimeMinutes = 5400 } },
        { "release beyond the horizon", new TitleEdit { Id = "t", Name = "T", ReleaseDate = new DateOnly(2036, 6, 1) } },
        { "year before film", new TitleEdit { Id = "t", Name = "T", Year = 1869 } },
        { "control character in the name", new TitleEdit { Id = "t", Name = "Bell\u0007" } },
        { "bidi override in the synopsis", new TitleEdit { Id = "t", Name = "T", Synopsis = "txt.\u202Eexe" } },
        { "control character in the original name", new TitleEdit { Id = "t", Name = "T", OriginalName = "A\u0001" } },
        { "control character in a genre", new TitleEdit { Id = "t", Name = "T", Genres = ["Drama", "Crime\u0000"] } },
        { "tag too long", new TitleEdit { Id = "t", Name = "T", Tags = [new string('a', 101)] } },
        { "too many tags", new TitleEdit { Id = "t", Name = "T", Tags = [.. Enumerable.Range(0, 101).Select(i => $"t{i}")] } },
        { "content rating too long", new TitleEdit { Id = "t", Name = "T", ContentRating = new string('R', 33) } },
        { "not an IMDb id", new TitleEdit { Id = "t", Name = "T", ImdbId = "nm0000158" } },
        { "not a TMDb id", new TitleEdit { Id = "t", Name = "T", TmdbId = "abc" } },
        { "availability ends before it starts", new TitleEdit { Id = "t", Name = "T", AddedAt = Added, AvailableUntil = Added.AddMonths(-1) } },
        { "added before 1900", new TitleEdit { Id = "t", Name = "T", AddedAt = new DateTime(1850, 1, 1, 0, 0, 0, DateTimeKind.Utc) } },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public async Task Imports_and_edits_apply_the_same_rules(string draft, TitleEdit edit)
    {
        var summary = await import.ImportAsync(import.File("t.json", TitleImporterTests.Catalog(CatalogJson(edit).ToJsonString())));
        var refusal = await EditRefusalAsync(edit);

        var importIssues = summary.Rejected.Concat(summary.Warnings).Select(i => i.Reason).ToList();
        if (refusal is null)
        {
            Assert.True(importIssues.Count == 0, $"{draft}: the edit was accepted, the import said: {string.Join(" | ", importIssues)}");
            Assert.Equal(Stored(await EditedAsync()), Stored((await import.TitleAsync("t"))!));
        }
        else
        {
            Assert.True(importIssues.Any(i => i.StartsWith(refusal.TrimEnd('.'), StringComparison.Ordinal)),
                $"{draft}: the edit was refused with '{refusal}', the import said: {string.Join(" | ", importIssues)}");
        }
    }

    private async Task<string?> EditRefusalAsync(TitleEdit edit)
    {
        await using var db = edits.Open();
        try
        {
            await new TitleEditor(db).UpsertAsync(edit);
            return null;
        }
        catch (WriteRejectedException e)
        {
            return e.Message;
        }
    }

    private async Task<Title> EditedAsync()
    {
        await using var db = edits.Open();
        return db.Titles.Single(t => t.Id == "t");
    }

    private static string Stored(Title t) => string.Join(" | ",
        t.Name, t.OriginalName, t.Synopsis, t.ReleaseDate, t.ReleaseYear, t.AvailableUntil?.ToString("o", CultureInfo.InvariantCulture), t.RuntimeMinutes,
        t.ContentRating, string.Join(",", t.Languages), string.Join(",", t.Genres), string.Join(",", t.Tags), string.Join(",", t.Cast), t.ImdbId, t.TmdbId);

    /// <summary>The edit as a catalog-json title, property for property.</summary>
    private static JsonObject CatalogJson(TitleEdit edit)
    {
        var json = new JsonObject { ["id"] = edit.Id, ["name"] = edit.Name };
        Add("originalName", edit.OriginalName);
        Add("synopsis", edit.Synopsis);
        Add("releaseDate", edit.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? edit.Year?.ToString(CultureInfo.InvariantCulture));
        Add("addedAt", edit.AddedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        Add("availableUntil", edit.AvailableUntil?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        Add("contentRating", edit.ContentRating);
        Add("imdbId", edit.ImdbId);
        Add("tmdbId", edit.TmdbId);
        if (edit.RuntimeMinutes is { } runtime)
            json["runtimeMinutes"] = runtime;
        AddList("languages", edit.Languages);
        AddList("genres", edit.Genres);
        AddList("tags", edit.Tags);
        AddList("cast", edit.Cast);
        return json;

        void Add(string name, string? value)
        {
            if (value is not null)
                json[name] = value;
        }

        void AddList(string name, IReadOnlyList<string>? values)
        {
            if (values is not null)
                json[name] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
        }
    }
}
