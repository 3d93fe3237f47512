using Catalog.Api.Tests.Fixtures;
using Catalog.Core.Titles;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>
/// The host with the real search engine over a seeded catalog (FixedNow = 2026-01-15T12:00Z): seven titles
/// available now, one coming soon, one expired. Seeding goes through the store, so the index catches up
/// from the change log like for any edit.
/// </summary>
public sealed class SearchApi<TStore> : CatalogApiFactory<TStore>
    where TStore : ITestStore
{
    protected override async Task SeedAsync()
    {
        var now = FixedNow.UtcDateTime;
        await this.SeedTitlesAsync(
            NewTitle("robot-dreams", "Robot Dreams", t =>
            {
                Set(t, new DateOnly(2023, 5, 1), now.AddDays(-100), ["Animation", "Drama"], ["robots", "friendship"], 8.0, 500);
                t.Trailers = [new Trailer { Id = "rd-trailer", TitleId = t.Id, Url = "https://youtu.be/dQw4w9WgXcQ", Site = TrailerSite.YouTube }];
            }),
            NewTitle("iron-giant", "The Iron Giant", t => Set(t, new DateOnly(1999, 8, 6), now.AddDays(-2), ["Animation", "Family"], ["robots"], 8.9, 100_000)),
            NewTitle("mr-robot", "Mr. Robot", t =>
            {
                Set(t, new DateOnly(2015, 6, 24), now.AddDays(-300), ["Drama", "Thriller"], ["hackers"], 10, 3);
                t.Kind = TitleKind.Series;
            }),
            NewTitle("heat", "Heat", t => Set(t, new DateOnly(1995, 12, 15), now.AddDays(-1), ["Crime", "Drama"], ["heist"], 8.3, 700_000)),
            NewTitle("new-arrival", "Fresh Thing", t =>
            {
                Set(t, new DateOnly(2025, 12, 1), now.AddDays(-1), ["Documentary"], [], 0, 0);
                t.Kind = TitleKind.Documentary;
            }),
            NewTitle("coming", "Future Film", t => Set(t, new DateOnly(2026, 3, 1), now.AddDays(10), ["Drama"], [], 0, 0)),
            NewTitle("leaving", "Leaving Title", t =>
            {
                Set(t, new DateOnly(2000, 1, 1), now.AddDays(-400), ["Comedy"], [], 6, 10);
                t.AvailableUntil = now.AddDays(10);
            }),
            NewTitle("expired", "Gone Title", t =>
            {
                Set(t, new DateOnly(2001, 1, 1), now.AddDays(-400), ["Comedy"], [], 6, 10);
                t.AvailableUntil = now.AddDays(-1);
            }),
            NewTitle("recent-release", "Recent Release", t => Set(t, new DateOnly(2025, 10, 1), now.AddDays(-200), ["Comedy"], [], 7, 50)));

        await Eventually.TrueAsync(async () =>
        {
            var response = await CreateClient().PostGraphQLAsync("{ search { totalCount } }");
            return !response.HasErrors && response.Data.At("search.totalCount").GetInt32() == SearchApi.AvailableNow;
        }, "the index to catch up with the seeded titles");
    }

    private static void Set(Title title, DateOnly released, DateTime added, List<string> genres, List<string> tags, double mean, int votes)
    {
        (title.ReleaseDate, title.ReleaseYear, title.AddedAt) = (released, released.Year, added);
        (title.Genres, title.Tags) = (genres, tags);
        (title.RatingSum, title.RatingCount) = (mean * votes, votes);
    }
}

public static class SearchApi
{
    /// <summary>How many of <see cref="SearchApi{TStore}"/>'s titles are available at <see cref="CatalogApiFactory.FixedNow"/>.</summary>
    public const int AvailableNow = 7;
}

public static class Eventually
{
    /// <summary>Polls until the condition holds or the deadline passes (index catch-up is asynchronous).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int deadlineSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(deadlineSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
