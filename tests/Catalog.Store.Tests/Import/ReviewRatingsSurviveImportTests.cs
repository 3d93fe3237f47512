using Catalog.Store.Tests.Fixtures;
using Catalog.Store.Writes;

namespace Catalog.Store.Tests.Import;

public sealed class ReviewRatingsSurviveImportTests : IAsyncLifetime
{
    private ImportHarness _harness = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_harness is not null)
            await _harness.DisposeAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Re_importing_a_catalog_keeps_the_ratings_viewers_gave_in_reviews(StoreProvider provider)
    {
        _harness = await ImportHarness.CreateAsync(provider);
        var file = _harness.File("catalog.json", """
            [{"id":"heat-1995","name":"Heat","addedAt":"2020-01-01T00:00:00Z","rating":{"sum":80,"count":10}}]
            """);
        await _harness.ImportAsync(file);
        await using (var db = _harness.Store.Open())
            await new ReviewService(db).SubmitAsync(new ReviewAuthor("ann", "Ann"), "heat-1995", 10, "Tense.");

        var again = await _harness.ImportAsync(file);
        Assert.Equal((0, 0, 1), (again.Inserted, again.Updated, again.Skipped));
        var title = (await _harness.TitleAsync("heat-1995"))!;
        Assert.Equal((90.0, 11), (title.RatingSum, title.RatingCount));

        var changed = await _harness.ImportAsync(_harness.File("changed.json", """
            [{"id":"heat-1995","name":"Heat","addedAt":"2020-01-01T00:00:00Z","rating":{"sum":160,"count":20}}]
            """));
        Assert.Equal(1, changed.Updated);
        title = (await _harness.TitleAsync("heat-1995"))!;
        Assert.Equal((170.0, 21), (title.RatingSum, title.RatingCount));
        Assert.Equal((160.0, 20), (title.ImportedRatingSum, title.ImportedRatingCount));
    }
}
