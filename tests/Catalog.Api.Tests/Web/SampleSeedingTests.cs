using System.Net;
using Catalog.Api.Auth;
using Catalog.Api.Hosting;
using Catalog.Api.Tests.Fixtures;
using Catalog.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Web;

/// <summary>What <c>serve</c> does to an empty store in Development: the bundled sample with demo reviews, and dev sign-in.</summary>
public abstract class SampleSeedingTests<TStore>(SampleSeedingTests<TStore>.SampleApi api) : IClassFixture<SampleSeedingTests<TStore>.SampleApi>
    where TStore : ITestStore
{
    public sealed class SampleApi : CatalogApiFactory<TStore>
    {
        public HttpStatusCode SignInBeforeSeeding { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }

        protected override async Task SeedAsync()
        {
            SignInBeforeSeeding = (await CreateClient().GetAsync(DevSignInEndpoints.Path)).StatusCode;
            await SeedSampleAsync();
            await CatchUpIndexAsync();
        }
    }

    [SkippableFact]
    public async Task Dev_sign_in_is_on_by_default_in_development_once_the_store_holds_the_sample()
    {
        var after = await api.CreateClient().GetAsync(DevSignInEndpoints.Path);

        Assert.Equal(HttpStatusCode.NotFound, api.SignInBeforeSeeding);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [SkippableFact]
    public async Task The_most_voted_titles_get_the_deterministic_demo_reviews_counted_in_their_ratings()
    {
        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        var titles = await db.Titles.AsNoTracking()
            .OrderByDescending(t => t.RatingCount - t.ReviewRatingCount).ThenBy(t => t.Id)
            .Take(SampleCatalogSeeder.DemoReviewTitles).ToListAsync();
        var expected = DemoReviews.For(
            titles.Select(t => new DemoTitle(t.Id, t.Name, t.ReleaseYear, t.ImportedRatingSum / t.ImportedRatingCount, t.AddedAt)),
            CatalogApiFactory.FixedNow.UtcDateTime);
        var reviews = await db.Reviews.AsNoTracking().ToListAsync();
        var votes = await db.ReviewVotes.AsNoTracking().ToListAsync();

        Assert.Equal(expected.Reviews.Select(r => (r.Id, r.TitleId, r.AuthorId, r.Rating, r.Body, r.CreatedAt)).Order(),
            reviews.Select(r => (r.Id, r.TitleId, r.AuthorId, r.Rating, r.Body, r.CreatedAt)).Order());
        Assert.Equal(expected.Votes.Select(v => (v.ReviewId, v.VoterId, v.Helpful)).Order(), votes.Select(v => (v.ReviewId, v.VoterId, v.Helpful)).Order());
        Assert.All(reviews, r => Assert.StartsWith(DemoReviews.BodyPrefix, r.Body, StringComparison.Ordinal));
        Assert.All(reviews, r => Assert.StartsWith(DemoReviews.ViewerIdPrefix, r.AuthorId, StringComparison.Ordinal));
        var votesByReview = votes.ToLookup(v => v.ReviewId);
        Assert.All(reviews, r => Assert.Equal((votesByReview[r.Id].Count(v => v.Helpful), votesByReview[r.Id].Count(v => !v.Helpful)), (r.HelpfulVotes, r.UnhelpfulVotes)));
        var reviewsByTitle = reviews.ToLookup(r => r.TitleId);
        Assert.All(titles, t => Assert.Equal((reviewsByTitle[t.Id].Count(), reviewsByTitle[t.Id].Sum(r => (double)r.Rating)), (t.ReviewRatingCount, t.ReviewRatingSum)));
        Assert.True(votes.Count > reviews.Count, $"{votes.Count} votes on {reviews.Count} reviews");
    }

    [SkippableFact]
    public async Task Helpfulness_orders_the_demo_reviews_differently_from_newest_and_rating()
    {
        var ids = await MostVotedIdsAsync(10);
        var fields = string.Join('\n', ids.Select((id, i) => $$"""
            t{{i}}: title(id: "{{id}}") {
              helpful: reviews(first: 5) { nodes { id } }
              newest: reviews(first: 5, orderBy: NEWEST) { nodes { id } }
              rating: reviews(first: 5, orderBy: RATING_HIGH) { nodes { id } }
            }
            """));
        var data = (await api.CreateClient().PostGraphQLAsync("{\n" + fields + "\n}")).EnsureSuccess().Data;

        List<string?> Order(int i, string order) => [.. data.At($"t{i}.{order}.nodes").EnumerateArray().Select(n => n.At("id").GetString())];
        var differFromNewest = Enumerable.Range(0, ids.Count).Count(i => !Order(i, "helpful").SequenceEqual(Order(i, "newest")));
        var differFromRating = Enumerable.Range(0, ids.Count).Count(i => !Order(i, "helpful").SequenceEqual(Order(i, "rating")));
        Assert.True(differFromNewest >= 5, $"helpfulness differs from newest on {differFromNewest} of 10 titles");
        Assert.True(differFromRating >= 5, $"helpfulness differs from rating on {differFromRating} of 10 titles");
    }

    [SkippableFact]
    public async Task The_index_counts_the_demo_reviews_votes_like_the_store()
    {
        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        var top = await db.Titles.AsNoTracking().Where(t => t.ReviewRatingCount > 0).OrderByDescending(t => t.RatingCount).FirstAsync();
        const string Query = "query($q: String!, $votes: Int!) { search(query: $q, filter: { minVotes: $votes }, first: 50) { nodes { id } } }";
        var client = api.CreateClient();

        var atCount = (await client.PostGraphQLAsync(Query, new { q = top.Name, votes = top.RatingCount })).EnsureSuccess();
        var above = (await client.PostGraphQLAsync(Query, new { q = top.Name, votes = top.RatingCount + 1 })).EnsureSuccess();

        Assert.Contains(top.Id, atCount.Data.At("search.nodes").EnumerateArray().Select(n => n.At("id").GetString()));
        Assert.DoesNotContain(top.Id, above.Data.At("search.nodes").EnumerateArray().Select(n => n.At("id").GetString()));
    }

    private async Task<List<string>> MostVotedIdsAsync(int count)
    {
        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        return await db.Titles.AsNoTracking().Where(t => t.ReviewRatingCount > 0).OrderByDescending(t => t.RatingCount).Select(t => t.Id).Take(count).ToListAsync();
    }
}

public sealed class SampleSeedingTestsOnSqlite(SampleSeedingTests<OnSqlite>.SampleApi api) : SampleSeedingTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class SampleSeedingTestsOnPostgres(SampleSeedingTests<OnPostgres>.SampleApi api) : SampleSeedingTests<OnPostgres>(api);

public sealed class DemoReviewsSwitchTests
{
    private sealed class TinySampleApi(string sample, bool demoReviews) : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [SampleCatalogSeeder.PathKey] = sample,
            [SampleCatalogSeeder.DemoReviewsKey] = demoReviews ? "true" : "false",
        };
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public async Task Catalog_Sample_DemoReviews_turns_them_off(bool demoReviews, int reviewedTitles)
    {
        var sample = Path.Combine(Path.GetTempPath(), "catalog-demo-switch-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(sample, """
            {"format":"catalog-json","version":1,"titles":[
              {"id":"tiny-a","name":"Tiny A","addedAt":"2020-01-01T00:00:00Z","rating":{"sum":70,"count":10}},
              {"id":"tiny-b","name":"Tiny B","addedAt":"2020-01-01T00:00:00Z","rating":{"sum":40,"count":5}}
            ]}
            """);
        try
        {
            await using var api = new TinySampleApi(sample, demoReviews);
            await api.SeedSampleAsync();

            await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
            Assert.Equal(2, await db.Titles.CountAsync());
            Assert.Equal(reviewedTitles, await db.Reviews.Select(r => r.TitleId).Distinct().CountAsync());
            Assert.True(api.Services.GetRequiredService<SampleCatalogSeeder>().StoreHoldsSample);
        }
        finally
        {
            File.Delete(sample);
        }
    }
}
