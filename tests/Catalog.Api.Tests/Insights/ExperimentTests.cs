using System.Text.Json;
using Catalog.Api.Tests.Fixtures;
using Catalog.Store.Insights;

namespace Catalog.Api.Tests.Insights;

/// <summary>
/// Ranking experiments through the real HTTP pipeline: curators start and stop them, sessions are assigned to arms
/// by their key, each arm searches with its own ranking and the report tells the better arm apart.
/// </summary>
public abstract class ExperimentTests<TStore>(ExperimentTests<TStore>.Api api) : IClassFixture<ExperimentTests<TStore>.Api>
    where TStore : ITestStore
{
    public sealed class Api : InsightsApi<TStore>;

    /// <summary>"gama" is "gamma" with one typo in a 4-letter word: NORMAL finds Gamma Ray, STRICT without fallbacks nothing.</summary>
    private static readonly object StrictWithoutFallbacks = new { typoTolerance = "STRICT", fallbacks = false };

    [SkippableFact]
    public async Task A_variant_that_is_clicked_more_and_finds_less_is_reported_significant_in_each_direction()
    {
        var experiment = await api.StartExperimentAsync(StrictWithoutFallbacks, trafficShare: 0.5);
        var searches = await api.SimulateAsync(experiment, sessions: 150, ["alpha", "gama"], controlClicks: 0.1, variantClicks: 0.9, seed: 18);
        var report = (await api.ReportAsync(experiment)).At("report");

        var arms = report.At("arms").EnumerateArray().ToList();
        Assert.Equal(["A", "B"], arms.Select(a => a.At("arm").GetString()));
        Assert.Equal(300, arms.Sum(a => a.At("searches").GetInt32()));
        Assert.Equal(0, arms[0].At("zeroResultSearches").GetInt32());
        Assert.Equal(arms[1].At("searches").GetInt32() / 2, arms[1].At("zeroResultSearches").GetInt32()); // every "gama" of B
        foreach (var arm in arms)
        {
            var ctr = arm.At("clickThroughRate");
            Assert.InRange(ctr.At("value").GetDouble(), ctr.At("low").GetDouble(), ctr.At("high").GetDouble());
            Assert.True(ctr.At("high").GetDouble() - ctr.At("low").GetDouble() is > 0 and < 0.3);
        }

        Assert.True(report.At("clickThrough.significant").GetBoolean());
        Assert.Equal("B", report.At("clickThrough.better").GetString());
        Assert.True(report.At("clickThrough.pValue").GetDouble() < 0.001);
        Assert.True(report.At("zeroResults.significant").GetBoolean());
        Assert.Equal("A", report.At("zeroResults.better").GetString());

        // Each search was recorded in the arm its session key hashes to: assignment is stable per key.
        var recorded = (await api.SearchesAsync()).Where(s => s.ExperimentId == experiment.Id).ToDictionary(s => s.Id, s => s.Arm);
        Assert.All(searches, s => Assert.Equal(experiment.ArmOf(s.SessionKey), recorded[s.SearchId]));
    }

    [SkippableFact]
    public async Task Searches_without_a_session_key_are_in_no_arm_and_nothing_of_the_key_is_stored()
    {
        var experiment = await api.StartExperimentAsync(new { popularityTieBreak = "WEIGHTED_RATING" }, trafficShare: 0.5);
        var key = ExperimentApi.SessionKey(new Random(7));
        var withKey = (await api.SessionClient(key).PostGraphQLAsync("{ search(query: \"alpha\") { searchId } }")).EnsureSuccess().Data.At("search.searchId").GetString();
        var without = (await api.CreateClient().PostGraphQLAsync("{ search(query: \"alpha\") { searchId } }")).EnsureSuccess().Data.At("search.searchId").GetString();
        var malformed = (await api.SessionClient("short").PostGraphQLAsync("{ search(query: \"alpha\") { searchId } }")).EnsureSuccess().Data.At("search.searchId").GetString();
        await api.FlushedAsync();

        var searches = await api.SearchesAsync();
        Assert.Equal((experiment.Id, experiment.ArmOf(key)), searches.Where(s => s.Id == withKey).Select(s => (s.ExperimentId!.Value, s.Arm)).Single());
        Assert.All(searches.Where(s => s.Id == without || s.Id == malformed), s => Assert.True(s.ExperimentId is null && s.Arm is null));
        Assert.DoesNotContain(key, JsonSerializer.Serialize(searches), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_response_cache_never_hands_one_arm_the_other_arms_answer()
    {
        var experiment = await api.StartExperimentAsync(StrictWithoutFallbacks, trafficShare: 0.5);
        var random = new Random(3);
        var (control, variant) = (api.SessionClient(ExperimentApi.SessionKeyIn(experiment, "A", random)), api.SessionClient(ExperimentApi.SessionKeyIn(experiment, "B", random)));
        var anonymous = api.CreateClient();
        const string Query = "{ search(query: \"gama\") { totalCount } }";
        async Task<(int Count, string CacheControl)> GetAsync(HttpClient client)
        {
            var response = (await client.GetGraphQLAsync(Query)).EnsureSuccess();
            return (response.Data.At("search.totalCount").GetInt32(), response.Http.Headers.CacheControl?.ToString() ?? "");
        }

        var first = await GetAsync(anonymous);
        Assert.Equal(1, first.Count);
        Assert.StartsWith("public", first.CacheControl, StringComparison.Ordinal);
        var b = await GetAsync(variant);
        Assert.Equal(0, b.Count); // not the cached control answer
        Assert.DoesNotContain("public", b.CacheControl, StringComparison.Ordinal); // nor stored by HTTP caches
        Assert.Equal(1, (await GetAsync(control)).Count);
        Assert.Equal(1, (await GetAsync(anonymous)).Count); // not the variant's answer
        Assert.Equal(0, (await GetAsync(variant)).Count);

        // Stopped, the variant's sessions search as everyone does again.
        var curator = api.CreateClient(api.CuratorToken());
        (await curator.PostGraphQLAsync("mutation($id: ID!) { stopExperiment(id: $id) { running } }", new { id = experiment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })).EnsureSuccess();
        Assert.Equal(1, (await GetAsync(variant)).Count);
    }

    [SkippableFact]
    public async Task Experiments_need_the_curator_role_one_runs_at_a_time_and_bad_input_is_refused()
    {
        var input = new { input = new { name = "x", variant = new { }, trafficShare = 0.5 } };
        Assert.Equal(["UNAUTHENTICATED"], (await api.CreateClient().PostGraphQLAsync(ExperimentApi.Start, input)).ErrorCodes);
        Assert.Equal(["FORBIDDEN"], (await api.CreateClient(api.ViewerToken()).PostGraphQLAsync(ExperimentApi.Start, input)).ErrorCodes);
        Assert.Equal(["FORBIDDEN"], (await api.CreateClient(api.ViewerToken()).PostGraphQLAsync(ExperimentApi.Report, new { id = "1" })).ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], (await api.CreateClient().PostGraphQLAsync("{ experiments { id } }")).ErrorCodes);

        var running = await api.StartExperimentAsync(new { }, trafficShare: 0.5);
        var curator = api.CreateClient(api.CuratorToken());
        var second = await curator.PostGraphQLAsync(ExperimentApi.Start, input);
        Assert.Equal(["BAD_USER_INPUT"], second.ErrorCodes);
        Assert.Contains($"Experiment {running.Id}", second.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await curator.PostGraphQLAsync("{ experiments(first: 1) { id running } }")).EnsureSuccess().Data.At("experiments.0.id").GetString());

        const string Stop = "mutation($id: ID!) { stopExperiment(id: $id) { running } }";
        Assert.False((await curator.PostGraphQLAsync(Stop, new { id = running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })).EnsureSuccess().Data.At("stopExperiment.running").GetBoolean());
        Assert.Equal(["BAD_USER_INPUT"], (await curator.PostGraphQLAsync(Stop, new { id = running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ErrorCodes);
        Assert.Equal(["NOT_FOUND"], (await curator.PostGraphQLAsync(Stop, new { id = "999999" })).ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], (await curator.PostGraphQLAsync(Stop, new { id = "not-a-number" })).ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], (await curator.PostGraphQLAsync(ExperimentApi.Start, new { input = new { name = "x", variant = new { }, trafficShare = 1.0 } })).ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], (await curator.PostGraphQLAsync(ExperimentApi.Start, new { input = new { name = " ", variant = new { }, trafficShare = 0.5 } })).ErrorCodes);
    }
}

public sealed class ExperimentTestsOnSqlite(ExperimentTests<OnSqlite>.Api api) : ExperimentTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ExperimentTestsOnPostgres(ExperimentTests<OnPostgres>.Api api) : ExperimentTests<OnPostgres>(api);

/// <summary>
/// An A/A experiment (the variant ranks as control, both arms click alike) on a store of its own, so its experiment id
/// and hence its split are the same on every run: with the seeded viewers its outcome is fixed.
/// </summary>
public abstract class AaExperimentTests<TStore>(AaExperimentTests<TStore>.Api api) : IClassFixture<AaExperimentTests<TStore>.Api>
    where TStore : ITestStore
{
    public sealed class Api : InsightsApi<TStore>;

    [SkippableFact]
    public async Task An_A_A_experiment_shows_no_significant_difference()
    {
        var experiment = await api.StartExperimentAsync(new { }, trafficShare: 0.5);
        await api.SimulateAsync(experiment, sessions: 200, ["alpha"], controlClicks: 0.4, variantClicks: 0.4, seed: 18);
        var report = (await api.ReportAsync(experiment)).At("report");

        var arms = report.At("arms").EnumerateArray().Select(a => a.At("searches").GetInt32()).ToList();
        Assert.Equal(200, arms.Sum());
        Assert.All(arms, searches => Assert.InRange(searches, 70, 130));
        Assert.False(report.At("clickThrough.significant").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.At("clickThrough.better").ValueKind);
        Assert.True(report.At("clickThrough.pValue").GetDouble() >= 0.05);
        Assert.False(report.At("zeroResults.significant").GetBoolean());
    }
}

public sealed class AaExperimentTestsOnSqlite(AaExperimentTests<OnSqlite>.Api api) : AaExperimentTests<OnSqlite>(api);

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class AaExperimentTestsOnPostgres(AaExperimentTests<OnPostgres>.Api api) : AaExperimentTests<OnPostgres>(api);
