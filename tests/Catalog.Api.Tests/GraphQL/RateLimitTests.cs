using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.GraphQL;

public sealed class RateLimitTests(RateLimitTests.TightLimitsApi api) : IClassFixture<RateLimitTests.TightLimitsApi>
{
    public sealed class TightLimitsApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:RateLimits:ReviewsPerHour"] = "2",
            ["Catalog:RateLimits:VotesPerMinute"] = "1",
        };

        protected override async Task SeedAsync() =>
            await this.SeedTitlesAsync(NewTitle("rl-1", "One"), NewTitle("rl-2", "Two"), NewTitle("rl-3", "Three"));
    }

    [Fact]
    public async Task Reviews_beyond_the_hourly_budget_are_rate_limited_per_viewer()
    {
        const string submit = "mutation($t: ID!) { submitReview(input: { titleId: $t, rating: 7, body: \"ok\" }) { id } }";
        var busy = api.CreateClient(api.ViewerToken("busy"));

        (await busy.PostGraphQLAsync(submit, new { t = "rl-1" })).EnsureSuccess();
        (await busy.PostGraphQLAsync(submit, new { t = "rl-2" })).EnsureSuccess();
        var third = await busy.PostGraphQLAsync(submit, new { t = "rl-3" });
        var someoneElse = await api.CreateClient(api.ViewerToken("calm")).PostGraphQLAsync(submit, new { t = "rl-3" });

        Assert.Equal(["RATE_LIMITED"], third.ErrorCodes);
        Assert.Contains("at most 2 per hour", third.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        someoneElse.EnsureSuccess();
    }

    [Fact]
    public async Task Votes_beyond_the_per_minute_budget_are_rate_limited()
    {
        var reviewId = (await api.CreateClient(api.ViewerToken("vote-target")).PostGraphQLAsync(
            "mutation { submitReview(input: { titleId: \"rl-1\", rating: 7, body: \"ok\" }) { id } }")).EnsureSuccess().Data.At("submitReview.id").GetString();
        const string vote = "mutation($id: ID!) { voteReview(reviewId: $id, helpful: true) { id } }";
        var voter = api.CreateClient(api.ViewerToken("eager-voter"));

        (await voter.PostGraphQLAsync(vote, new { id = reviewId })).EnsureSuccess();
        Assert.Equal(["RATE_LIMITED"], (await voter.PostGraphQLAsync(vote, new { id = reviewId })).ErrorCodes);
    }
}
