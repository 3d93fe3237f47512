using Catalog.Core.Changes;
using Catalog.Core.Titles;
using Catalog.Store.Tests.Fixtures;
using Catalog.Store.Writes;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Tests.Writes;

public sealed class ReviewServiceTests : IAsyncLifetime
{
    private static readonly ReviewAuthor Ann = new("ann", "Ann");
    private TempStore store = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (store is not null)
            await store.DisposeAsync();
    }

    private async Task UseAsync(StoreProvider provider)
    {
        store = await TempStore.CreateAsync(provider);
        await using var db = store.Open();
        db.Titles.Add(new Title { Id = "heat-1995", Name = "Heat", RatingSum = 80, RatingCount = 10 });
        await db.SaveChangesAsync();
    }

    private async Task<T> WithServiceAsync<T>(Func<ReviewService, Task<T>> action)
    {
        await using var db = store.Open();
        return await action(new ReviewService(db));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Submit_stores_trimmed_text_and_moves_the_rating_aggregate_in_one_transaction(StoreProvider provider)
    {
        await UseAsync(provider);
        var review = await WithServiceAsync(s => s.SubmitAsync(Ann, "heat-1995", 6, "  Great heist.\nLong.  "));

        await using var db = store.Open();
        var title = await db.Titles.SingleAsync();
        Assert.Equal((86.0, 11), (title.RatingSum, title.RatingCount));
        var stored = await db.Reviews.SingleAsync();
        Assert.Equal("Great heist.\nLong.", stored.Body);
        Assert.StartsWith(ReviewIds.Prefix, review.Id, StringComparison.Ordinal);
        Assert.Equal(store.Clock.GetUtcNow().UtcDateTime, stored.CreatedAt);
        Assert.Contains(await db.ChangeLog.ToListAsync(), e => e.Kind == ChangeKind.Review && e.EntityId == review.Id && e.TitleId == "heat-1995");
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task A_second_submit_by_the_same_viewer_replaces_the_review(StoreProvider provider)
    {
        await UseAsync(provider);
        var first = await WithServiceAsync(s => s.SubmitAsync(Ann, "heat-1995", 6, "ok"));
        var second = await WithServiceAsync(s => s.SubmitAsync(Ann with { DisplayName = "Ann B." }, "heat-1995", 9, "better on rewatch"));

        Assert.Equal(first.Id, second.Id);
        await using var db = store.Open();
        var title = await db.Titles.SingleAsync();
        Assert.Equal((89.0, 11), (title.RatingSum, title.RatingCount));
        var review = await db.Reviews.SingleAsync();
        Assert.Equal((9, "better on rewatch", "Ann B."), (review.Rating, review.Body, review.AuthorName));
    }

    [Theory]
    [InlineData(0, "fine", "rating")]
    [InlineData(11, "fine", "rating")]
    [InlineData(5, "   ", "empty")]
    [InlineData(5, "bell\u0007", "control character")]
    public async Task Submit_refuses_bad_input_and_changes_nothing(int rating, string body, string messagePart)
    {
        await UseAsync(StoreProvider.Sqlite);
        var error = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.SubmitAsync(Ann, "heat-1995", rating, body)));

        Assert.Equal(WriteRejection.InvalidInput, error.Reason);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.Empty(await db.Reviews.ToListAsync());
        Assert.Equal(10, (await db.Titles.SingleAsync()).RatingCount);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Submit_refuses_bodies_over_the_limit_broken_unicode_and_unknown_titles(StoreProvider provider)
    {
        await UseAsync(provider);
        var loneSurrogate = "broken " + (char)0xD800 + " text";
        var broken = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.SubmitAsync(Ann, "heat-1995", 5, loneSurrogate)));
        Assert.Contains("Unicode", broken.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.SubmitAsync(Ann, "heat-1995", 5, new string('x', 10_001))));
        Assert.Contains("10000", tooLong.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.SubmitAsync(Ann, "nope", 5, "text")));
        Assert.Equal(WriteRejection.NotFound, missing.Reason);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Voting_again_changes_the_vote_and_authors_cannot_vote_on_their_own_review(StoreProvider provider)
    {
        await UseAsync(provider);
        var review = await WithServiceAsync(s => s.SubmitAsync(Ann, "heat-1995", 7, "text"));

        await WithServiceAsync(s => s.VoteAsync("bob", review.Id, helpful: true));
        var after = await WithServiceAsync(s => s.VoteAsync("bob", review.Id, helpful: false));

        Assert.Equal((0, 1), (after.HelpfulVotes, after.UnhelpfulVotes));
        var own = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.VoteAsync("ann", review.Id, true)));
        Assert.Contains("own review", own.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<WriteRejectedException>(() => WithServiceAsync(s => s.VoteAsync("bob", "review:nope", true)));
        Assert.Equal(WriteRejection.NotFound, missing.Reason);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreProviders.Both), MemberType = typeof(StoreProviders))]
    public async Task Concurrent_votes_from_many_viewers_are_each_counted_exactly_once(StoreProvider provider)
    {
        await UseAsync(provider);
        var review = await WithServiceAsync(s => s.SubmitAsync(Ann, "heat-1995", 7, "text"));

        // 50 viewers at once, each voting twice (the second vote of odd viewers flips to unhelpful).
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await WithServiceAsync(s => s.VoteAsync($"voter-{i}", review.Id, helpful: true));
            await WithServiceAsync(s => s.VoteAsync($"voter-{i}", review.Id, helpful: i % 2 == 0));
        })));

        await using var db = store.Open();
        var stored = await db.Reviews.SingleAsync();
        Assert.Equal(50, await db.ReviewVotes.CountAsync());
        Assert.Equal((25, 25), (stored.HelpfulVotes, stored.UnhelpfulVotes));
    }
}
