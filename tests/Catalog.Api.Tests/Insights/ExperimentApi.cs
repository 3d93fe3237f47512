using System.Text.Json;
using Catalog.Api.Experiments;
using Catalog.Api.Tests.Fixtures;
using Catalog.Store.Insights;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Insights;

/// <summary>Starting experiments and running synthetic viewers (session keys, searches, clicks) against a test host.</summary>
public static class ExperimentApi
{
    public const string Start = """
        mutation($input: StartExperimentInput!) { startExperiment(input: $input) { id name running trafficShare
          variant { typoTolerance popularityTieBreak fallbacks } } }
        """;

    public const string Report = """
        query($id: ID!) { experiment(id: $id) { id running report {
          arms { arm searches clickedSearches zeroResultSearches clickThroughRate { value low high } meanReciprocalRank { value low high } zeroResultRate { value low high } }
          clickThrough { z pValue significant better } zeroResults { z pValue significant better } } } }
        """;

    /// <summary>Stops whatever runs (a failed test may leave one), then starts an experiment as a curator; returns it as stored.</summary>
    public static async Task<Experiment> StartExperimentAsync<TStore>(this InsightsApi<TStore> api, object variant, double trafficShare)
        where TStore : ITestStore
    {
        var registry = api.Services.GetRequiredService<ExperimentRegistry>();
        if (await registry.RunningAsync(CancellationToken.None) is { } running)
            await registry.StopAsync(running.Id, CancellationToken.None);
        var curator = api.CreateClient(api.CuratorToken());
        var started = (await curator.PostGraphQLAsync(Start, new { input = new { name = "simulated", variant, trafficShare } }))
            .EnsureSuccess().Data.At("startExperiment");
        return (await registry.FindAsync(long.Parse(started.At("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))!;
    }

    public static async Task<JsonElement> ReportAsync<TStore>(this InsightsApi<TStore> api, Experiment experiment)
        where TStore : ITestStore
    {
        await api.FlushedAsync();
        var curator = api.CreateClient(api.CuratorToken());
        return (await curator.PostGraphQLAsync(Report, new { id = experiment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .EnsureSuccess().Data.At("experiment");
    }

    /// <summary>A session key as the page makes one (22 URL-safe characters), from a seeded generator.</summary>
    public static string SessionKey(Random random) =>
        new([.. Enumerable.Range(0, 22).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[random.Next(64)])]);

    /// <summary>A client sending <paramref name="sessionKey"/> as the page does.</summary>
    public static HttpClient SessionClient(this CatalogApiFactory api, string sessionKey)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ExperimentAssignment.SessionHeader, sessionKey);
        return client;
    }

    /// <summary>A session key the experiment puts in <paramref name="arm"/>.</summary>
    public static string SessionKeyIn(Experiment experiment, string arm, Random random)
    {
        while (true)
        {
            var key = SessionKey(random);
            if (experiment.ArmOf(key) == arm)
                return key;
        }
    }

    /// <summary>
    /// <paramref name="sessions"/> synthetic viewers each search <paramref name="queries"/> once; a viewer opens the first
    /// result of a search that found something with the click probability of its arm. Clicks go in batches of
    /// aliased recordClick mutations. Returns each recorded searchId with the session key that made it.
    /// </summary>
    public static Task<List<(string SearchId, string SessionKey)>> SimulateAsync<TStore>(
        this InsightsApi<TStore> api, Experiment experiment, int sessions, string[] queries, double controlClicks, double variantClicks, int seed)
        where TStore : ITestStore =>
        SimulateAsync(api.CreateClient, experiment, sessions, queries, controlClicks, variantClicks, seed);

    /// <summary>The same against any server <paramref name="newClient"/> reaches.</summary>
    public static async Task<List<(string SearchId, string SessionKey)>> SimulateAsync(
        Func<HttpClient> newClient, Experiment experiment, int sessions, string[] queries, double controlClicks, double variantClicks, int seed)
    {
        var random = new Random(seed);
        var searches = new List<(string, string)>();
        var clicks = new List<string>();
        for (var i = 0; i < sessions; i++)
        {
            var key = SessionKey(random);
            var client = newClient();
            client.DefaultRequestHeaders.Add(ExperimentAssignment.SessionHeader, key);
            var probability = experiment.ArmOf(key) == Experiment.Variant ? variantClicks : controlClicks;
            foreach (var query in queries)
            {
                var search = (await client.PostGraphQLAsync("query($q: String!) { search(query: $q) { totalCount searchId } }", new { q = query }))
                    .EnsureSuccess().Data.At("search");
                var searchId = search.At("searchId").GetString()!;
                searches.Add((searchId, key));
                if (search.At("totalCount").GetInt32() > 0 && random.NextDouble() < probability)
                    clicks.Add(searchId);
            }
        }

        var anonymous = newClient();
        foreach (var batch in clicks.Chunk(50))
        {
            var fields = batch.Select((id, i) => $"c{i}: recordClick(searchId: \"{id}\", titleId: \"alpha-beta\", position: 1)");
            (await anonymous.PostGraphQLAsync("mutation { " + string.Join(' ', fields) + " }")).EnsureSuccess();
        }

        return searches;
    }
}
