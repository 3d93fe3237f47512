using System.Data.Common;
using Catalog.Api.GraphQL.Common;
using Catalog.Api.Tests.Fixtures;
using Catalog.Core.Titles;
using Catalog.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Catalog.Api.Tests.GraphQL.ApiSeeding;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>No N+1: a page of titles with trailers, ratings, reviews and similar titles costs a fixed number of store commands.</summary>
public abstract class BatchingTests<TStore>(BatchingTests<TStore>.CountingApi api) : IClassFixture<BatchingTests<TStore>.CountingApi>
    where TStore : ITestStore
{
    public sealed class CountingApi : CatalogApiFactory<TStore>
    {
        public CommandCounter Commands { get; } = new();

        // These tests count the store commands of each request, so titles are read from the store every time.
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Catalog:GraphQL:TitleCacheEntries"] = "0",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                if (Provider == StoreProvider.Postgres)
                    services.ConfigureDbContext<PostgresCatalogDbContext>(o => o.AddInterceptors(Commands));
                else
                    services.ConfigureDbContext<SqliteCatalogDbContext>(o => o.AddInterceptors(Commands));
            });
        }

        protected override async Task SeedAsync()
        {
            var titles = Enumerable.Range(0, 20).Select(i => NewTitle($"batch-{i}", $"Batch {i}", t =>
            {
                (t.RatingSum, t.RatingCount) = (7 * i, i);
                t.Tags = ["batch-family"];
                t.Trailers =
                [
                    new Trailer { Id = $"batch-{i}-a", TitleId = t.Id, Url = $"https://vimeo.com/{i}1", Site = TrailerSite.Vimeo },
                    new Trailer { Id = $"batch-{i}-b", TitleId = t.Id, Url = $"https://vimeo.com/{i}2", Site = TrailerSite.Vimeo, Kind = TrailerKind.Clip },
                ];
            }));
            await this.SeedTitlesAsync([.. titles]);
            await this.SeedReviewsAsync([.. Enumerable.Range(0, 20).SelectMany(i => Enumerable.Range(0, 3)
                .Select(j => NewReview($"review:batch-{i}-{j}", $"batch-{i}", rating: 5 + j, helpful: j, unhelpful: 1, daysAgo: j)))]);
        }
    }

    /// <summary>Counts the commands resolvers issue (tagged), not the index's change-log tailing.</summary>
    public sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        private void Record(DbCommand command)
        {
            if (command.CommandText.Contains(QueryTags.Prefix, StringComparison.Ordinal))
                Interlocked.Increment(ref count);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return base.ReaderExecuting(command, eventData, result);
        }
    }

    [SkippableFact]
    public async Task Twenty_titles_with_trailers_ratings_and_reviews_take_three_store_commands()
    {
        var fields = string.Join('\n', Enumerable.Range(0, 20).Select(i =>
            $"t{i}: title(id: \"batch-{i}\") {{ name hasTrailer trailers {{ url kind }} rating {{ average weighted }} reviews(first: 2) {{ totalCount nodes {{ body helpfulness }} }} }}"));
        var query = "{\n" + fields + "\n}";
        var client = api.CreateClient();

        // The weighted rating's catalog mean comes from the index, not the store.
        api.Commands.Reset();
        var response = (await client.PostGraphQLAsync(query)).EnsureSuccess();

        // Titles with their trailers; the reviews' sort keys; the reviews on the pages.
        Assert.Equal(3, api.Commands.Count);
        Assert.Equal(2, response.Data.At("t7.trailers").GetArrayLength());
        Assert.Equal(3, response.Data.At("t19.reviews.totalCount").GetInt32());
        Assert.Equal(2, response.Data.At("t19.reviews.nodes").GetArrayLength());
        Assert.Equal("review:batch-19-2", (await client.PostGraphQLAsync("""{ title(id: "batch-19") { reviews(first: 1) { nodes { id } } } }"""))
            .EnsureSuccess().Data.At("title.reviews.nodes.0.id").GetString());
    }

    [SkippableFact]
    public async Task The_viewers_reviews_and_votes_on_twenty_titles_take_one_store_command_each()
    {
        var fields = string.Join('\n', Enumerable.Range(0, 20).Select(i =>
            $"t{i}: title(id: \"batch-{i}\") {{ viewerReview {{ id }} reviews(first: 3) {{ nodes {{ id viewerVote }} }} }}"));
        var client = api.CreateClient(api.ViewerToken("author-review:batch-4-1"));
        (await client.PostGraphQLAsync("""mutation { voteReview(reviewId: "review:batch-6-0", helpful: false) { id } }""")).EnsureSuccess();

        api.Commands.Reset();
        var response = (await client.PostGraphQLAsync("{\n" + fields + "\n}")).EnsureSuccess();

        // Titles; the viewer's reviews; the reviews' sort keys; the reviews on the pages; the viewer's votes.
        Assert.Equal(5, api.Commands.Count);
        Assert.Equal("review:batch-4-1", response.Data.At("t4.viewerReview.id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.At("t5.viewerReview").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.At("t5.reviews.nodes.0.viewerVote").ValueKind);
        var t6 = response.Data.At("t6.reviews.nodes").EnumerateArray().ToList();
        Assert.Equal(System.Text.Json.JsonValueKind.False, t6.Single(r => r.At("id").GetString() == "review:batch-6-0").At("viewerVote").ValueKind);
    }

    [SkippableFact]
    public async Task Similar_titles_of_twenty_titles_take_one_store_command_for_all_of_them()
    {
        var fields = string.Join('\n', Enumerable.Range(0, 20).Select(i => $"t{i}: title(id: \"batch-{i}\") {{ id similar(first: 3) {{ id name }} }}"));
        var client = api.CreateClient();

        api.Commands.Reset();
        var response = (await client.PostGraphQLAsync("{\n" + fields + "\n}")).EnsureSuccess();

        // The twenty titles; then the rows of every similar title at once.
        Assert.Equal(2, api.Commands.Count);
        foreach (var i in Enumerable.Range(0, 20))
        {
            var similar = response.Data.At($"t{i}.similar").EnumerateArray().Select(s => s.At("id").GetString()).ToList();
            Assert.Equal(3, similar.Count);
            Assert.All(similar, id => Assert.StartsWith("batch-", id, StringComparison.Ordinal));
            Assert.DoesNotContain($"batch-{i}", similar);
        }
    }
}

public sealed class BatchingTestsOnSqlite(BatchingTests<OnSqlite>.CountingApi api) : BatchingTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class BatchingTestsOnPostgres(BatchingTests<OnPostgres>.CountingApi api) : BatchingTests<OnPostgres>(api);
