using Catalog.Core.Titles;
using Catalog.Core.Trailers;
using Catalog.Store.Tests.Fixtures;
using Catalog.Store.Writes;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Writes;

public sealed class TrailerServiceTests : IAsyncLifetime
{
    private static readonly TrailerUrlPolicy Policy = new(new TrailerOptions());
    private TempStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync();
        await using var db = store.Open();
        db.Titles.Add(new Title { Id = "heat", Name = "Heat" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<T> WithServiceAsync<T>(Func<TrailerService, Task<T>> action)
    {
        await using var db = store.Open();
        return await action(new TrailerService(db, Policy));
    }

    [Fact]
    public async Task Add_detects_the_site_and_embed_url_and_re_adding_a_url_updates_it()
    {
        var added = await WithServiceAsync(s => s.AddAsync("heat", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", TrailerKind.Trailer, "en"));
        var again = await WithServiceAsync(s => s.AddAsync("heat", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", TrailerKind.Teaser, null));

        Assert.Equal(added.Id, again.Id);
        await using var db = store.Open();
        var stored = await db.Trailers.SingleAsync();
        Assert.Equal((TrailerSite.YouTube, TrailerKind.Teaser, (string?)null), (stored.Site, stored.Kind, stored.Language));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", stored.EmbedUrl);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://vimeo.com/1")]
    [InlineData("data:text/html,hi")]
    [InlineData("https://unknown.example/t")]
    public async Task Refused_urls_store_nothing(string url)
    {
        var error = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.AddAsync("heat", url, TrailerKind.Trailer, null)));

        Assert.StartsWith("Refused trailer URL", error.Message, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.Empty(await db.Trailers.ToListAsync());
    }

    [Fact]
    public async Task Bad_language_and_unknown_title_are_refused()
    {
        await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.AddAsync("heat", "https://vimeo.com/1", TrailerKind.Clip, "<script>")));
        var missing = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.AddAsync("nope", "https://vimeo.com/1", TrailerKind.Clip, null)));
        Assert.Equal(WriteRejection.NotFound, missing.Reason);
    }

    [Fact]
    public async Task Remove_deletes_once_and_then_reports_false()
    {
        var added = await WithServiceAsync(s => s.AddAsync("heat", "https://vimeo.com/76979871", TrailerKind.Trailer, null));

        Assert.True(await WithServiceAsync(s => s.RemoveAsync(added.Id)));
        Assert.False(await WithServiceAsync(s => s.RemoveAsync(added.Id)));
    }
}
