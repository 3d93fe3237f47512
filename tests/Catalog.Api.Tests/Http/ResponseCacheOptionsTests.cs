using Catalog.Api.Http;
using Catalog.Api.Tests.Fixtures;
using Catalog.Api.Tests.GraphQL;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Api.Tests.Http;

/// <summary>The response cache can be switched off, and answers are keyed by the catalog clock in TTL steps.</summary>
public sealed class ResponseCacheOptionsTests
{
    private const string Query = "{ search { totalCount } }";

    private sealed class DisabledApi : CatalogApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Catalog:GraphQL:ResponseCacheEnabled"] = "false" };
    }

    private sealed class ClockApi : CatalogApiFactory
    {
        public FakeTimeProvider Clock { get; } = new(FixedNow);

        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Catalog:GraphQL:ResponseCacheTtl"] = "00:01:00" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task Switched_off_every_request_executes()
    {
        await using var api = new DisabledApi();
        var client = api.CreateClient();

        for (var i = 0; i < 2; i++)
            (await client.PostGraphQLAsync(Query)).EnsureSuccess();

        var cache = api.Services.GetRequiredService<ResponseCache>();
        Assert.Equal((0, 0), (cache.Stores, cache.Hits));
    }

    [Fact]
    public async Task The_next_clock_step_executes_again()
    {
        await using var api = new ClockApi();
        var client = api.CreateClient();
        var cache = api.Services.GetRequiredService<ResponseCache>();

        // The first answer kept marks the index as open (before that, requests bypass the cache).
        await Eventually.TrueAsync(async () =>
        {
            (await client.PostGraphQLAsync(Query)).EnsureSuccess();
            return cache.Stores > 0;
        }, "a first cached answer");
        var executions = cache.Stores;

        api.Clock.Advance(TimeSpan.FromSeconds(30));
        (await client.PostGraphQLAsync(Query)).EnsureSuccess();
        Assert.Equal(executions, cache.Stores);

        api.Clock.Advance(TimeSpan.FromSeconds(31));
        (await client.PostGraphQLAsync(Query)).EnsureSuccess();
        Assert.Equal(executions + 1, cache.Stores);
    }

    [Fact]
    public void Variables_are_keyed_by_canonical_json()
    {
        var nested = new Dictionary<string, object?> { ["b"] = new List<object?> { 1, 2.5, "x", null }, ["a"] = true };
        var variables = new Dictionary<string, object?> { ["z"] = nested, ["q"] = "robot \"dreams\"" };

        Assert.Equal("""{"q":"robot \u0022dreams\u0022","z":{"a":true,"b":[1,2.5,"x",null]}}""", CanonicalJson.Of(variables));
        Assert.Equal("{}", CanonicalJson.Of(null));
        Assert.NotEqual(CanonicalJson.Of(new Dictionary<string, object?> { ["v"] = double.PositiveInfinity }),
            CanonicalJson.Of(new Dictionary<string, object?> { ["v"] = double.NegativeInfinity }));
    }
}
