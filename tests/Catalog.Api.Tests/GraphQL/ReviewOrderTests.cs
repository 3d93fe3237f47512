using Catalog.Api.Tests.Fixtures;
using Catalog.Core.Ranking;
using static Catalog.Api.Tests.GraphQL.ApiSeeding;

namespace Catalog.Api.Tests.GraphQL;

public abstract class ReviewOrderTests<TStore>(ReviewOrderTests<TStore>.SeededApi api) : IClassFixture<ReviewOrderTests<TStore>.SeededApi>
    where TStore : ITestStore
{
    private const string TitleId = "review-order-title";

    /// <summary>One title with six reviews whose votes, dates and ratings exercise every tie-break.</summary>
    public sealed class SeededApi : CatalogApiFactory<TStore>
    {
        protected override async Task SeedAsync()
        {
            await this.SeedTitlesAsync(NewTitle(TitleId, "Ordered"));
            await this.SeedReviewsAsync(
                NewReview("review:a", TitleId, rating: 10, helpful: 2, unhelpful: 0, daysAgo: 5),
                NewReview("review:b", TitleId, rating: 3, helpful: 100, unhelpful: 1, daysAgo: 10),
                NewReview("review:c", TitleId, rating: 7, helpful: 0, unhelpful: 5, daysAgo: 1),
                NewReview("review:d", TitleId, rating: 7, helpful: 0, unhelpful: 0, daysAgo: 2),
                NewReview("review:e", TitleId, rating: 1, helpful: 0, unhelpful: 0, daysAgo: 3),
                NewReview("review:f", TitleId, rating: 7, helpful: 0, unhelpful: 0, daysAgo: 2));
        }
    }

    private const string Query = """
        query($id: ID!, $order: ReviewOrder, $first: Int, $after: String) {
          title(id: $id) { reviews(orderBy: $order, first: $first, after: $after) {
            totalCount edges { cursor node { id helpfulness } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }
        """;

    // b has the highest Wilson bound; c, d, e, f all have 0: c has more votes, d/f are newer than e, d < f by id.
    [SkippableTheory]
    [InlineData(null, "b,a,c,d,f,e")]
    [InlineData("HELPFULNESS", "b,a,c,d,f,e")]
    [InlineData("NEWEST", "c,d,f,e,a,b")]
    [InlineData("OLDEST", "b,a,e,d,f,c")]
    [InlineData("RATING_HIGH", "a,c,d,f,b,e")]
    [InlineData("RATING_LOW", "e,b,c,d,f,a")]
    public async Task Each_order_sorts_with_the_specified_tie_breaks(string? order, string expected)
    {
        var response = (await api.CreateClient().PostGraphQLAsync(Query, new { id = TitleId, order, first = 10 })).EnsureSuccess();

        var ids = response.Data.At("title.reviews.edges").EnumerateArray().Select(e => e.At("node.id").GetString()!["review:".Length..]);
        Assert.Equal(expected, string.Join(',', ids));
        Assert.Equal(6, response.Data.At("title.reviews.totalCount").GetInt32());
    }

    [SkippableFact]
    public async Task Helpfulness_is_the_wilson_lower_bound()
    {
        var response = (await api.CreateClient().PostGraphQLAsync(Query, new { id = TitleId, first = 1 })).EnsureSuccess();

        Assert.Equal(WilsonScore.LowerBound(100, 1), response.Data.At("title.reviews.edges.0.node.helpfulness").GetDouble(), 10);
    }

    [SkippableFact]
    public async Task Cursors_page_through_every_review_once()
    {
        var client = api.CreateClient();
        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var reviews = (await client.PostGraphQLAsync(Query, new { id = TitleId, order = "NEWEST", first = 4, after })).EnsureSuccess().Data.At("title.reviews");
            seen.AddRange(reviews.At("edges").EnumerateArray().Select(e => e.At("node.id").GetString()!));
            Assert.Equal(after is not null, reviews.At("pageInfo.hasPreviousPage").GetBoolean());
            if (!reviews.At("pageInfo.hasNextPage").GetBoolean())
                break;
            after = reviews.At("pageInfo.endCursor").GetString();
        }

        Assert.Equal(["review:c", "review:d", "review:f", "review:e", "review:a", "review:b"], seen);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task First_outside_1_to_100_is_a_bad_user_input_error(int first)
    {
        var response = await api.CreateClient().PostGraphQLAsync(Query, new { id = TitleId, first });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.Contains("'first'", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("garbage")]
    [InlineData("bzpub3Q=")]
    public async Task Foreign_cursors_are_a_bad_user_input_error(string after)
    {
        var response = await api.CreateClient().PostGraphQLAsync(Query, new { id = TitleId, first = 2, after });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }
}

public sealed class ReviewOrderTestsOnSqlite(ReviewOrderTests<OnSqlite>.SeededApi api) : ReviewOrderTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ReviewOrderTestsOnPostgres(ReviewOrderTests<OnPostgres>.SeededApi api) : ReviewOrderTests<OnPostgres>(api);
