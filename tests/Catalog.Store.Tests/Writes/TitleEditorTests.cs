using Catalog.Core.Changes;
using Catalog.Core.Titles;
using Catalog.Store.Tests.Fixtures;
using Catalog.Store.Writes;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Writes;

public sealed class TitleEditorTests : IAsyncLifetime
{
    private TempStore store = null!;

    public async Task InitializeAsync() => store = await TempStore.CreateAsync();

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<Title> UpsertAsync(TitleEdit edit)
    {
        await using var db = store.Open();
        return await new TitleEditor(db).UpsertAsync(edit);
    }

    [Fact]
    public async Task Create_without_id_derives_a_unique_slug_and_defaults_addedAt_to_now()
    {
        var first = await UpsertAsync(new TitleEdit { Name = "Léon: The Professional", ReleaseDate = new DateOnly(1994, 9, 14) });
        var second = await UpsertAsync(new TitleEdit { Name = "Leon - the professional", Year = 1994 });

        Assert.Equal("leon-the-professional-1994", first.Id);
        Assert.Equal("leon-the-professional-1994-2", second.Id);
        Assert.Equal(1994, first.ReleaseYear);
        Assert.Equal(store.Clock.GetUtcNow().UtcDateTime, first.AddedAt);
        Assert.Equal(TitleKind.Movie, first.Kind);
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_explicit_nulls_clear()
    {
        await UpsertAsync(new TitleEdit
        {
            Id = "heat", Name = "Heat", Synopsis = "A heist.", RuntimeMinutes = 170, Genres = ["Crime", " crime ", "", "Drama"],
            Tags = ["  Heist ", "HEIST", "los   angeles"], ImdbId = "tt0113277",
        });

        var updated = await UpsertAsync(new TitleEdit
        {
            Id = "heat", Kind = TitleKind.Movie, Synopsis = "Cops and robbers.", Cleared = new HashSet<string> { nameof(TitleEdit.RuntimeMinutes) },
        });

        Assert.Equal("Heat", updated.Name);
        Assert.Equal("Cops and robbers.", updated.Synopsis);
        Assert.Null(updated.RuntimeMinutes);
        Assert.Equal(["Crime", "Drama"], updated.Genres);
        Assert.Equal(["heist", "los angeles"], updated.Tags);
        Assert.Equal("tt0113277", updated.ImdbId);
        await using var db = store.Open();
        Assert.Equal(2, await db.ChangeLog.CountAsync(e => e.TitleId == "heat" && e.Kind == ChangeKind.Title));
    }

    [Theory]
    [InlineData("bad id!", "Heat", null, "is not URL-safe")]
    [InlineData("heat", null, null, "name is required")]
    [InlineData("heat", "   ", null, "name is empty")]
    [InlineData("heat", "Heat", "nm0000158", "imdbId")]
    public async Task Invalid_edits_are_refused_and_nothing_is_stored(string id, string? name, string? imdbId, string messagePart)
    {
        var error = await Assert.ThrowsAsync<WriteRejectedException>(() => UpsertAsync(new TitleEdit { Id = id, Name = name, ImdbId = imdbId }));

        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.Empty(await db.Titles.ToListAsync());
    }

    [Fact]
    public async Task Dates_are_checked_for_plausibility_and_consistency()
    {
        var contradiction = await Assert.ThrowsAsync<WriteRejectedException>(() =>
            UpsertAsync(new TitleEdit { Name = "X", ReleaseDate = new DateOnly(1994, 1, 1), Year = 1995 }));
        Assert.Contains("contradicts", contradiction.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WriteRejectedException>(() => UpsertAsync(new TitleEdit { Name = "X", Year = 3000 }));
        var until = await Assert.ThrowsAsync<WriteRejectedException>(() => UpsertAsync(new TitleEdit
        {
            Name = "X", AddedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), AvailableUntil = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
        Assert.Contains("availableUntil", until.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetTags_normalises_and_logs_a_tags_change()
    {
        await UpsertAsync(new TitleEdit { Id = "heat", Name = "Heat" });
        await using (var db = store.Open())
            await new TitleEditor(db).SetTagsAsync("heat", [" Heist", "heist ", "Los\tAngeles", ""]);

        await using var check = store.Open();
        Assert.Equal(["heist", "los angeles"], (await check.Titles.SingleAsync()).Tags);
        Assert.Equal(ChangeKind.Tags, (await check.ChangeLog.OrderBy(e => e.Sequence).LastAsync()).Kind);
    }

    [Fact]
    public async Task SetTags_refuses_too_many_or_too_long_tags_and_unknown_titles()
    {
        await UpsertAsync(new TitleEdit { Id = "heat", Name = "Heat" });
        await using var db = store.Open();
        var editor = new TitleEditor(db);

        await Assert.ThrowsAsync<WriteRejectedException>(() => editor.SetTagsAsync("heat", Enumerable.Range(0, 101).Select(i => $"t{i}")));
        await Assert.ThrowsAsync<WriteRejectedException>(() => editor.SetTagsAsync("heat", [new string('a', 101)]));
        var missing = await Assert.ThrowsAsync<WriteRejectedException>(() => editor.SetTagsAsync("nope", ["a"]));
        Assert.Equal(WriteRejection.NotFound, missing.Reason);
    }
}
