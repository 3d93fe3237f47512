using System.Net;
using System.Text.Json;
using Catalog.Api.Health.WarmUp;
using Catalog.Api.Hosting;
using Catalog.Api.Http;
using Catalog.Api.Insights;
using Catalog.Api.Tests.Fixtures;
using Catalog.Search.Indexing;
using Catalog.Store;
using Catalog.Store.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Tests.Health;

/// <summary>
/// After the index opens, a few searches run through the app's request pipeline to <c>/graphql</c> before <c>/health/ready</c> reports ready,
/// so the first viewer's search does not pay for JIT and cold caches; they leave no insights behind.
/// </summary>
public sealed class WarmUpTests
{
    [Fact(Timeout = 180_000)]
    public async Task Ready_waits_for_the_warm_up_searches_which_record_no_insights()
    {
        await using var api = new HeldWarmUpApi();
        using var client = api.CreateClient();
        await api.Services.GetRequiredService<IndexStartup>().Opened.WaitAsync(TimeSpan.FromSeconds(120));

        var (status, checks) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Healthy", checks.GetProperty("index").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("warmUp").GetProperty("status").GetString());

        var warmUp = api.Services.GetRequiredService<SearchWarmUp>();
        await warmUp.RunAsync(CancellationToken.None);
        await warmUp.Rehearsal.WaitAsync(TimeSpan.FromSeconds(60));

        (status, checks) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, status);
        // The sample catalog has words for every round: the browse view plus 7 texts made from its names per round, and at
        // least two rounds (the first can never show the JIT settled: its code is all new).
        Assert.InRange(warmUp.Rounds, 2, new WarmUpOptions().MaxRounds);
        Assert.Equal(1 + (warmUp.Rounds * (new WarmUpOptions().Searches - 1)), warmUp.Searches);
        Assert.Equal(warmUp.Searches, checks.GetProperty("warmUp").GetProperty("data").GetProperty("searches").GetInt32());
        Assert.Equal(0, warmUp.LoopbackSearches); // a test server listens on no socket (LoopbackWarmUpTests has a real one)
        Assert.Equal(0, api.Services.GetRequiredService<InsightsBacklog>().Accepted); // nor did the rehearsed event queue
        await using (var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create())
            Assert.Equal(0, await db.SearchEvents.CountAsync()); // the insights write it rehearsed was rolled back
        // They went through the app's request pipeline and the /graphql endpoint: its response cache kept their answers, each
        // search its own (no round repeats an earlier request).
        Assert.Equal(warmUp.Searches, api.Services.GetRequiredService<ResponseCache>().Stores);
    }

    [Theory(Timeout = 180_000)]
    [InlineData(new long[] { 0, 300, 600, 602 }, 12, 3)] // two rounds compiling, the third settled
    [InlineData(new long[] { 0, 300, 301, 302 }, 12, 2)] // the second round settled already
    [InlineData(new long[] { 0, 300, 600, 900, 1200, 1500, 1800 }, 4, 4)] // never settled: stops at MaxRounds
    public async Task Rounds_go_on_until_a_round_compiles_hardly_any_method(long[] compiledMethods, int maxRounds, int expectedRounds)
    {
        await using var api = new HeldWarmUpApi();
        using var client = api.CreateClient();
        await api.Services.GetRequiredService<IndexStartup>().Opened.WaitAsync(TimeSpan.FromSeconds(120));
        var readings = new Queue<long>(compiledMethods);
        var warmUp = WarmUp(api, maxRounds, compiledMethods: () => readings.Dequeue());

        await warmUp.RunAsync(CancellationToken.None);

        Assert.Equal(expectedRounds, warmUp.Rounds);
        Assert.Equal(1 + (expectedRounds * (new WarmUpOptions().Searches - 1)), warmUp.Searches);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_store_that_refuses_the_rehearsed_insights_write_leaves_the_searches_to_run()
    {
        await using var api = new HeldWarmUpApi();
        using var client = api.CreateClient();
        await api.Services.GetRequiredService<IndexStartup>().Opened.WaitAsync(TimeSpan.FromSeconds(120));
        var warmUp = WarmUp(api, maxRounds: 1, new InsightsWriter(new RefusingStore()));

        await warmUp.RunAsync(CancellationToken.None);

        Assert.Equal(1, warmUp.Rounds);
        Assert.Equal(new WarmUpOptions().Searches, warmUp.Searches);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_store_held_by_a_long_write_does_not_hold_up_ready_and_the_rehearsal_runs_once_it_is_free()
    {
        await using var api = new HeldWarmUpApi();
        using var client = api.CreateClient();
        await api.Services.GetRequiredService<IndexStartup>().Opened.WaitAsync(TimeSpan.FromSeconds(120));
        var warmUp = WarmUp(api, maxRounds: 1);
        string storePath;
        await using (var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create())
            storePath = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

        // What an import does: one transaction holding the store's write lock from start to end.
        await using (var import = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = storePath, Pooling = false }.ToString()))
        {
            await import.OpenAsync();
            await using var begin = import.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();

            // Well within the store's 30 s busy timeout, which a rehearsal waited for before the searches would outlast.
            await warmUp.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(new WarmUpOptions().Searches, warmUp.Searches);
            Assert.False(warmUp.Rehearsal.IsCompleted);
            begin.CommandText = "ROLLBACK";
            await begin.ExecuteNonQueryAsync();
        }

        await warmUp.Rehearsal.WaitAsync(TimeSpan.FromSeconds(120));
        await using var after = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        Assert.Equal(0, await after.SearchEvents.CountAsync());
    }

    [Fact]
    public void Each_round_searches_words_no_earlier_round_did()
    {
        string[] names = ["The Dark Knight", "Heat", "Blade Runner", "Alien Covenant", "Brazil"];
        string[] directors = ["Christopher Nolan", "Michael Mann", "Ridley Scott"];
        var first = WarmUpTexts.From(names, directors, 6, round: 0);
        var second = WarmUpTexts.From(names, directors, 6, round: 1);

        Assert.Equal(["Dark", "Dark Knight", "Kniht", "Ali", "Christopher Nolan", "the Alien"], first);
        Assert.Equal(["Covenant", "Covenant Brazil", "Coveant", "Bra", "Michael Mann", "the Brazil"], second);
        Assert.Empty(WarmUpTexts.From(names, directors, 6, round: 2));
    }

    [Fact]
    public void Texts_cover_one_word_two_words_a_typo_a_prefix_a_person_and_a_stop_word_from_the_browse_titles()
    {
        Assert.Equal(
            ["Dark", "Dark Knight", "Kniht", "Hea", "Christopher Nolan", "the Heat", "Knight"],
            WarmUpTexts.From(["The Dark Knight", "Heat", "Up"], ["Cher", "Christopher Nolan", "Christopher Nolan"], 7));
        // A one-word name is no two-word phrase over the people field, and without a person the round has none.
        Assert.Equal(
            ["Dark", "Dark Knight", "Kniht", "Hea", "the Heat", "Knight"],
            WarmUpTexts.From(["The Dark Knight", "Heat", "Up"], ["Cher"], 6));
        Assert.Empty(WarmUpTexts.From([], ["Christopher Nolan"], 7));
        Assert.Empty(WarmUpTexts.From(["Up", "It"], [], 7));
    }

    [Fact]
    public void The_app_counts_calls_for_optimised_code_from_the_start_so_warm_up_searches_promote_it()
    {
        // The runtime's default waits until tier-0 compilations pause for 100 ms; a warm-up of new searches never pauses.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }

    /// <summary>A warm-up of the app's pipeline, its own store's insights writer unless <paramref name="insights"/> is given.</summary>
    private static SearchWarmUp WarmUp(HeldWarmUpApi api, int maxRounds, InsightsWriter? insights = null, Func<long>? compiledMethods = null) =>
        new(api.Services.GetRequiredService<RequestPipeline>(), api.Services.GetRequiredService<LoopbackClient>(),
            insights ?? api.Services.GetRequiredService<InsightsWriter>(), api.Services.GetRequiredService<SearchRecorder>(),
            Options.Create(new WarmUpOptions { MaxRounds = maxRounds }), NullLogger<SearchWarmUp>.Instance, compiledMethods);

    private static async Task<(HttpStatusCode Status, JsonElement Checks)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, report.RootElement.GetProperty("checks").Clone());
    }

    /// <summary>A store whose every use fails, as one refusing writes would.</summary>
    private sealed class RefusingStore : ICatalogDbFactory
    {
        public CatalogDbContext Create() => throw new InvalidOperationException("The store refuses writes.");
    }

    /// <summary>The sample catalog seeded at start; the warm-up's hosted service removed, so the test runs it when it wants.</summary>
    private sealed class HeldWarmUpApi : CatalogApiFactory
    {
        protected override bool WaitForIndexAtStart => false;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { [CatalogWebApp.SeedSampleKey] = "true" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SearchWarmUpService));
                services.Remove(hosted);
            });
        }
    }
}
