using System.Text.Json;
using Catalog.Core.Titles;
using Catalog.Store.Feed;
using Catalog.Search.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Search.Tests.Indexing;

/// <summary>The build reads the SQLite store with its own reader: it must see exactly the titles EF Core materializes.</summary>
public sealed class RawFeedTests
{
    [Fact]
    public async Task The_feed_reads_every_title_and_trailer_as_ef_core_does()
    {
        var titles = FixtureTitles.Copies().ToList();
        titles[0].AlternateNames = ["T1", "Der \"Terminator\"", "Léon ☃ 東京", new string('x', 200), "T1"]; // escapes, non-ASCII, longer than the shared strings
        titles[1].Languages = [.. titles[0].Languages]; // the same values in two titles
        titles[0].Countries = ["US", "GB"];
        titles[0].ImdbId = "tt0088247";
        titles[0].RuntimeMinutes = 107;
        titles[0].AvailableUntil = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        titles[0].Trailers.Add(new Trailer { Id = "second", TitleId = titles[0].Id, Url = "https://example.com/t", Kind = TrailerKind.Teaser, Language = "de" });
        await using var sandbox = await SearchSandbox.CreateAsync(titles);
        await using var process = sandbox.Start();
        var feed = new StoreTitleFeed(process.Store, pageSize: 5); // several pages

        var read = new List<Title>();
        await foreach (var title in feed.ReadAllAsync(CancellationToken.None))
            read.Add(title);

        await using var db = process.Store.Create();
        var expected = await db.Titles.AsNoTracking().Include(t => t.Trailers).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(titles.Count, read.Count);
        Assert.Equal(expected.Select(Json), read.Select(Json));
    }

    private static string Json(Title title)
    {
        title.Trailers.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return JsonSerializer.Serialize(title);
    }
}
