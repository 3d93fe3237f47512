using Catalog.Core.Changes;
using Catalog.Core.Titles;
using Catalog.Store.Import;
using Catalog.Store.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Import;

public sealed class TitleImporterTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_h is not null)
            await _h.DisposeAsync();
    }

    private async Task UseAsync(StoreProvider provider = StoreProvider.Sqlite) => _h = await ImportHarness.CreateAsync(provider);

    internal static string Catalog(params string[] titles) =>
        "{\"format\":\"catalog-json\",\"version\":1,\"titles\":[\n" + string.Join(",\n", titles) + "\n]}";

    private const string Alien = """{"id":"alien-1979","name":"Alien","releaseDate":"1979-05-25","addedAt":"2025-12-01T00:00:00Z","genres":["Horror","Science Fiction"],"tags":["space"],"runtimeMinutes":117,"imdbId":"tt0078748","rating":{"sum":85,"count":10}}""";
    private const string Heat = """{"id":"heat-1995","name":"Heat","releaseDate":"1995","addedAt":"2025-12-02T00:00:00Z"}""";

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Importing_the_same_file_twice_inserts_then_changes_nothing(StoreProvider provider)
    {
        await UseAsync(provider);
        var path = _h.File("c.json", Catalog(Alien, Heat));
        var first = await _h.ImportAsync(path);
        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Skipped));
        var before = await _h.TitlesAsync();
        var sequence = await _h.LastSequenceAsync();
        Assert.Equal(2, sequence);

        _h.Store.Clock.Advance(TimeSpan.FromDays(3));
        var second = await _h.ImportAsync(path);

        Assert.Equal((0, 0, 2), (second.Inserted, second.Updated, second.Skipped));
        Assert.Empty(second.Rejected);
        Assert.Equal(sequence, await _h.LastSequenceAsync());
        Assert.Equal(before.Select(t => t.UpdatedAt), (await _h.TitlesAsync()).Select(t => t.UpdatedAt));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task An_update_writes_only_the_fields_the_record_provides(StoreProvider provider)
    {
        await UseAsync(provider);
        await _h.ImportAsync(_h.File("full.json", Catalog(Alien)));
        var sequence = await _h.LastSequenceAsync();

        var summary = await _h.ImportAsync(_h.File("tags.json", Catalog("""{"id":"alien-1979","name":"Alien","tags":["space","xenomorph"]}""")));

        Assert.Equal((0, 1, 0), (summary.Inserted, summary.Updated, summary.Skipped));
        var alien = (await _h.TitleAsync("alien-1979"))!;
        Assert.Equal(["space", "xenomorph"], alien.Tags);
        Assert.Equal(["Horror", "Science Fiction"], alien.Genres);
        Assert.Equal(117, alien.RuntimeMinutes);
        Assert.Equal(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), alien.AddedAt);
        await using var db = _h.Store.Open();
        var entry = await db.ChangeLog.SingleAsync(e => e.Sequence > sequence);
        Assert.Equal((ChangeKind.Tags, "alien-1979"), (entry.Kind, entry.TitleId));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task A_record_with_an_unknown_id_updates_the_title_with_its_imdb_id(StoreProvider provider)
    {
        await UseAsync(provider);
        await _h.ImportAsync(_h.File("a.json", Catalog(Alien)));

        var summary = await _h.ImportAsync(_h.File("b.json", Catalog("""{"id":"tt0078748","name":"Alien","imdbId":"tt0078748","runtimeMinutes":116}""")));

        Assert.Equal((0, 1), (summary.Inserted, summary.Updated));
        var only = Assert.Single(await _h.TitlesAsync());
        Assert.Equal(("alien-1979", 116), (only.Id, only.RuntimeMinutes));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task An_identical_duplicate_is_skipped_with_a_warning_and_a_conflicting_one_rejected(StoreProvider provider)
    {
        await UseAsync(provider);
        var changed = Heat.Replace("\"Heat\"", "\"Heat (director's cut)\"", StringComparison.Ordinal);
        var summary = await _h.ImportAsync(_h.File("d.json", Catalog(Heat, Heat, changed)));

        Assert.Equal((1, 0, 1), (summary.Inserted, summary.Updated, summary.Skipped));
        var warning = Assert.Single(summary.Warnings);
        Assert.Equal((2, "heat-1995"), (warning.Record, warning.Id));
        Assert.Contains("duplicate of record 1", warning.Reason, StringComparison.Ordinal);
        var rejected = Assert.Single(summary.Rejected);
        Assert.Equal((3, "heat-1995", "Heat (director's cut)"), (rejected.Record, rejected.Id, rejected.Name));
        Assert.Equal("duplicate of record 1 with different values", rejected.Reason);
        Assert.Equal("Heat", (await _h.TitleAsync("heat-1995"))!.Name);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task An_empty_store_finds_duplicates_of_earlier_batches_by_id_imdb_id_and_trailer_id(StoreProvider provider)
    {
        // Into an empty store the importer asks the store only about ids it wrote itself: the outcome must
        // be the one a store holding an unrelated title gives, where every batch is matched against it.
        var first = """{"id":"a","name":"A","imdbId":"tt0000001","trailers":[{"id":"t1","url":"https://vimeo.com/1"}]}""";
        var filler = Enumerable.Range(1, TitleImporter.BatchSize).Select(i => $$"""{"id":"f{{i}}","name":"F {{i}}"}""");
        string[] later =
        [
            first,
            first.Replace("\"A\"", "\"A2\"", StringComparison.Ordinal),
            """{"id":"b","name":"B","imdbId":"tt0000001"}""",
            """{"id":"c","name":"C","trailers":[{"id":"t1","url":"https://vimeo.com/2"}]}""",
        ];
        var file = Catalog([first, .. filler, .. later]);

        await UseAsync(provider);
        var intoEmpty = await _h.ImportAsync(_h.File("e.json", file));
        var emptyTitles = await _h.TitlesAsync();
        await _h.DisposeAsync();
        await UseAsync(provider);
        await _h.ImportAsync(_h.File("seed.json", Catalog("""{"id":"z","name":"Z"}""")));
        var intoSeeded = await _h.ImportAsync(_h.File("e.json", file));

        Assert.Equal((TitleImporter.BatchSize + 2, 0, 1), (intoEmpty.Inserted, intoEmpty.Updated, intoEmpty.Skipped));
        Assert.Equal(["duplicate of record 1 with different values", "duplicate of record 1 with different values"], intoEmpty.Rejected.Select(r => r.Reason));
        Assert.Equal(
            ["duplicate of record 1 with the same values; skipped", "trailer id 't1' already belongs to title 'a'; trailer dropped"],
            intoEmpty.Warnings.Select(w => w.Reason));
        Assert.Equal((intoSeeded.Inserted, intoSeeded.Updated, intoSeeded.Skipped), (intoEmpty.Inserted, intoEmpty.Updated, intoEmpty.Skipped));
        Assert.Equal(intoSeeded.Rejected, intoEmpty.Rejected);
        Assert.Equal(intoSeeded.Warnings, intoEmpty.Warnings);
        Assert.Empty(emptyTitles.Single(t => t.Id == "c").Trailers);
        Assert.Equal("A", emptyTitles.Single(t => t.Id == "a").Name);
    }

    [Fact]
    public async Task An_insert_without_added_date_or_kind_gets_the_clock_and_movie()
    {
        await UseAsync();
        await _h.ImportAsync(_h.File("m.json", Catalog("""{"id":"m","name":"M"}""")));

        var m = (await _h.TitleAsync("m"))!;
        Assert.Equal(_h.Store.Clock.GetUtcNow().UtcDateTime, m.AddedAt);
        Assert.Equal(TitleKind.Movie, m.Kind);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Every_written_title_gets_one_change_log_row(StoreProvider provider)
    {
        await UseAsync(provider);
        var titles = Enumerable.Range(1, TitleImporter.BatchSize + 20).Select(i => $$"""{"id":"t{{i}}","name":"T {{i}}"}""").ToArray();

        var summary = await _h.ImportAsync(_h.File("many.json", Catalog(titles)));

        Assert.Equal(titles.Length, summary.Inserted);
        await using var db = _h.Store.Open();
        var log = await db.ChangeLog.ToListAsync();
        Assert.Equal(titles.Length, log.Count);
        Assert.All(log, e => Assert.Equal(ChangeKind.Title, e.Kind));
        Assert.Equal(titles.Length, log.Select(e => e.TitleId).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task A_file_that_breaks_after_a_written_batch_leaves_the_store_as_it_was(StoreProvider provider)
    {
        await UseAsync(provider);
        await _h.ImportAsync(_h.File("a.json", Catalog(Alien)));
        var sequence = await _h.LastSequenceAsync();
        var titles = Enumerable.Range(1, TitleImporter.BatchSize * 2).Select(i => $$"""{"id":"t{{i}}","name":"T {{i}}"}""").ToArray();
        var changedAlien = Alien.Replace("117", "118", StringComparison.Ordinal);
        var whole = Catalog([changedAlien, .. titles]);
        var truncated = _h.File("truncated.json", whole[..(whole.Length * 3 / 4)]);

        var error = await Assert.ThrowsAsync<ImportException>(() => _h.ImportAsync(truncated));

        Assert.Contains("truncated.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(sequence, await _h.LastSequenceAsync());
        var only = Assert.Single(await _h.TitlesAsync());
        Assert.Equal(117, only.RuntimeMinutes);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task A_cancelled_import_leaves_the_store_as_it_was(StoreProvider provider)
    {
        await UseAsync(provider);
        var titles = Enumerable.Range(1, TitleImporter.BatchSize * 2).Select(i => $$"""{"id":"t{{i}}","name":"T {{i}}"}""").ToArray();
        using var cancel = new CancellationTokenSource();
        var afterFirstBatch = new SynchronousProgress(_ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _h.Importer.ImportAsync(_h.File("c.json", Catalog(titles)), new ImportOptions(), afterFirstBatch, cancel.Token));

        Assert.Empty(await _h.TitlesAsync());
        Assert.Equal(0, await _h.LastSequenceAsync());
    }

    [Fact]
    public async Task A_dry_run_counts_but_writes_nothing()
    {
        await UseAsync();
        var summary = await _h.ImportAsync(_h.File("c.json", Catalog(Alien, Heat)), dryRun: true);

        Assert.Equal(2, summary.Inserted);
        Assert.Empty(await _h.TitlesAsync());
        Assert.Equal(0, await _h.LastSequenceAsync());
    }

    [Fact]
    public async Task Progress_reports_the_bytes_consumed_up_to_the_file_length()
    {
        await UseAsync();
        var titles = Enumerable.Range(1, TitleImporter.BatchSize * 2 + 1).Select(i => $$"""{"id":"t{{i}}","name":"T {{i}}"}""").ToArray();
        var path = _h.File("p.json", Catalog(titles));
        var reports = new List<ImportProgress>();

        await _h.ImportAsync(path, progress: new SynchronousProgress(reports.Add));

        var length = new FileInfo(path).Length;
        Assert.All(reports, r => Assert.Equal(length, r.Length));
        Assert.True(reports.Count >= 3, $"{reports.Count} reports");
        Assert.Equal(reports.Select(r => r.Position).Order(), reports.Select(r => r.Position));
        Assert.InRange(reports[0].Position, 1, length - 1);
        Assert.Equal((length, titles.Length), (reports[^1].Position, reports[^1].Records));
    }

    [Fact]
    public async Task A_missing_path_or_an_unknown_format_fails_with_a_clear_error()
    {
        await UseAsync();
        var missing = await Assert.ThrowsAsync<ImportException>(() => _h.ImportAsync(Path.Combine(_h.Store.Directory, "nope.json")));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);

        var path = _h.File("c.json", Catalog(Heat));
        var unknown = await Assert.ThrowsAsync<ImportException>(() => _h.ImportAsync(path, "excel"));
        Assert.Contains("Unknown format 'excel'", unknown.Message, StringComparison.Ordinal);

        var prose = await Assert.ThrowsAsync<ImportException>(() => _h.ImportAsync(_h.File("notes.txt", "just some words")));
        Assert.Contains("Could not detect the format", prose.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"format":"catalog-json","version":1,"titles":[{"id":"a","name":"A"}]}""", "catalog-json")]
    [InlineData("""[{"id":"a","name":"A"}]""", "catalog-json")]
    [InlineData("""[{"Title":"A","Release Date":"Jun 12 1998","IMDB Rating":6.1}]""", "vega-movies")]
    public async Task Auto_detects_the_format_from_the_first_bytes(string json, string format)
    {
        await UseAsync();
        var path = _h.File("input.json", json);

        var detected = Assert.Single(_h.Importer.Formats, f => f == format);
        var viaAuto = await _h.ImportAsync(path);
        await using (var db = _h.Store.Open())
            await db.Titles.ExecuteDeleteAsync();
        var viaFormat = await _h.ImportAsync(path, detected);

        Assert.Equal(1, viaAuto.Inserted);
        Assert.Equal(viaFormat.Inserted, viaAuto.Inserted);
        Assert.Equal(viaFormat.Warnings.Count, viaAuto.Warnings.Count);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
