using System.Net;
using System.Text;
using System.Text.Json;
using Catalog.Api.Tests.Crash;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Replicas;

/// <summary>
/// One <c>catalog serve</c> process of a <see cref="ReplicaCluster"/>: its own data folder (index) and
/// loopback port, the cluster's store. It can be killed and started again on the same folder and port.
/// </summary>
public sealed class Replica(string name, string data, IReadOnlyList<string> settings) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly int port = CatalogProcess.FreePort();
    private readonly List<CatalogProcess> runs = [];

    public string Name => name;

    public string Data => data;

    public CatalogProcess? Process { get; private set; }

    public HttpClient Client => client ??= new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = ReplicaCluster.Patience };

    private HttpClient? client;

    /// <summary>The exact arguments after <c>catalog</c> (for the docs page: these are the commands the tests run).</summary>
    public IReadOnlyList<string> ServeArguments => ["serve", "--data", data, "--urls", $"http://127.0.0.1:{port}", .. settings];

    /// <summary>Launches the process without waiting (replicas that must start together).</summary>
    public CatalogProcess Launch()
    {
        Process = CatalogProcess.Start([.. ServeArguments]);
        runs.Add(Process);
        return Process;
    }

    public Task WaitUntilReadyAsync() => Process!.WaitUntilReadyAsync(Client, ReplicaCluster.Patience);

    public async Task StartAsync()
    {
        Launch();
        await WaitUntilReadyAsync();
    }

    /// <summary>SIGKILL; the data folder stays as the crash left it.</summary>
    public void Kill() => Process!.Kill();

    /// <summary>SIGTERM and wait: the index commits what it applied, so <c>catalog verify</c> can compare it.</summary>
    public async Task StopAsync()
    {
        var exit = await Process!.TerminateAsync(ReplicaCluster.Patience);
        Assert.True(exit == 0, $"replica {name} exited with {exit}. Output:\n{Process.Output}");
    }

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }, Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(GraphQLHttp.GraphQLResponseJson);
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        return await Client.SendGraphQLAsync(request);
    }

    /// <summary>A write or read that must succeed; fails with the answer and the replica's output otherwise.</summary>
    public async Task<JsonElement> ExecuteAsync(string query, object? variables = null, string? token = null)
    {
        var response = await PostAsync(query, variables, token);
        Assert.True(response.Status == HttpStatusCode.OK && !response.HasErrors,
            $"replica {name} answered {(int)response.Status}: {response.Body}\nOutput:\n{Process?.Output}");
        return response.Data;
    }

    /// <summary>Ids of the first 100 hits, in order, as this replica's index answers (text, filter and sort are index-only).</summary>
    public async Task<IReadOnlyList<string>> SearchIdsAsync(string? text = null, object? filter = null, string sort = "RELEVANCE")
    {
        var data = await ExecuteAsync(
            "query($q: String, $f: TitleFilter, $s: TitleSort) { search(query: $q, filter: $f, sort: $s, first: 100) { edges { node { id } } } }",
            new { q = text, f = filter, s = sort });
        return [.. data.At("search.edges").EnumerateArray().Select(e => e.At("node.id").GetString()!)];
    }

    public async Task<int> TotalTitlesAsync() =>
        (await ExecuteAsync("{ search(first: 1) { totalCount } }")).At("search.totalCount").GetInt32();

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        foreach (var run in runs)
            await run.DisposeAsync();
    }
}
