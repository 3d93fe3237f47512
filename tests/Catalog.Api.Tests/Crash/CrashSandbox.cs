using System.Net;
using System.Text;
using Catalog.Api.Auth;
using Catalog.Api.Cli;
using Catalog.Api.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Catalog.Api.Tests.Crash;

/// <summary>
/// One data folder for crash tests: a server process over it (started, killed, restarted), acknowledged
/// writes recorded as they are acknowledged, and the checks that must hold after a crash.
/// </summary>
public sealed class CrashSandbox : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly List<CatalogProcess> processes = [];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "catalog-crash-tests", Guid.NewGuid().ToString("N"));

    public string Data => Path.Combine(Root, "data");

    public string Database => Path.Combine(Data, "catalog.db");

    public HttpClient? Client { get; private set; }

    public CatalogProcess? Server { get; private set; }

    /// <summary>Imports a catalog-json file in this process (setup, not under test).</summary>
    public async Task ImportAsync(string path)
    {
        using var output = new StringWriter();
        var exit = await CatalogCli.RunAsync(["import", path, "--data", Data], output);
        SqliteConnection.ClearAllPools();
        Assert.True(exit == 0, $"setup import failed: {output}");
    }

    /// <summary>Writes a catalog-json file of <paramref name="count"/> generated titles with ids <c>{prefix}-{n}</c>.</summary>
    public string WriteCatalog(string name, string prefix, int count)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, name);
        WriteCatalogFile(path, prefix, count);
        return path;
    }

    /// <summary>
    /// The generated catalog at <paramref name="path"/>: title n has rating (n % 9) + 1 from one vote, tags
    /// <c>tag {n % 40}</c> and <c>batch {n % 7}</c>, and director <c>Director {n % 300}</c>.
    /// </summary>
    public static void WriteCatalogFile(string path, string prefix, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("""{"format":"catalog-json","version":1,"titles":[""");
        for (var n = 0; n < count; n++)
        {
            writer.Write(n == 0 ? "\n" : ",\n");
            writer.Write(System.Text.Json.JsonSerializer.Serialize(new
            {
                id = $"{prefix}-{n}",
                name = $"Generated title {n} of {prefix}",
                releaseDate = $"{1950 + (n % 60)}-03-01",
                genres = new[] { "Drama" },
                tags = new[] { $"tag {n % 40}", $"batch {n % 7}" },
                directors = new[] { $"Director {n % 300}" },
                synopsis = $"A generated story number {n} about crashes, recovery and the write-ahead log.",
                rating = new { sum = (n % 9) + 1, count = 1 },
            }));
        }

        writer.Write("\n]}\n");
    }

    public string Token(string subject, string role = AuthOptions.ViewerRole) =>
        DevelopmentTokens.Create(new AuthOptions { SigningKey = key }, subject, subject, role, TimeProvider.System.GetUtcNow());

    /// <summary>
    /// Starts <c>catalog serve</c> on a free port and waits until it is ready (index open and caught up);
    /// <paramref name="settings"/> are extra <c>--Key=value</c> configuration arguments.
    /// </summary>
    public async Task StartServerAsync(params string[] settings)
    {
        var port = CatalogProcess.FreePort();
        Server = Track(CatalogProcess.Start(["serve", "--data", Data, "--urls", $"http://127.0.0.1:{port}",
            $"--Catalog:Auth:SigningKey={key}", "--Catalog:SeedSampleWhenEmpty=false", .. settings]));
        Client?.Dispose();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
        await Server.WaitUntilReadyAsync(Client, Patience);
    }

    public CatalogProcess Track(CatalogProcess process)
    {
        processes.Add(process);
        return process;
    }

    /// <summary>Submits a review; the id when the server acknowledged it, null when it did not (refused, crashed).</summary>
    public async Task<string?> TrySubmitReviewAsync(string viewer, string titleId, int rating) =>
        (await SubmitReviewAsync(viewer, titleId, rating)).Id;

    /// <summary>The acknowledged review's id, or why there is none (for failure messages).</summary>
    public async Task<(string? Id, string Failure)> SubmitReviewAsync(string viewer, string titleId, int rating)
    {
        var (response, failure) = await TryPostAsync(viewer, "mutation($i: SubmitReviewInput!) { submitReview(input: $i) { id } }",
            new { i = new { titleId, rating, body = $"Review by {viewer}" } });
        return response is { HasErrors: false } ? (response.Data.At("submitReview.id").GetString(), "") : (null, failure);
    }

    public async Task<bool> TryVoteAsync(string viewer, string reviewId, bool helpful)
    {
        var (response, _) = await TryPostAsync(viewer, "mutation($r: ID!, $h: Boolean!) { voteReview(reviewId: $r, helpful: $h) { id } }",
            new { r = reviewId, h = helpful });
        return response is { HasErrors: false };
    }

    private async Task<(GraphQLResponse? Response, string Failure)> TryPostAsync(string viewer, string query, object variables)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = JsonContent(new { query, variables }),
            };
            request.Headers.Authorization = new("Bearer", Token(viewer));
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            var response = await Client!.SendGraphQLAsync(request);
            return response.Status == HttpStatusCode.OK ? (response, response.Body) : (null, $"{(int)response.Status}: {response.Body}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (null, e.Message);
        }
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>How many rows match; used to prove "present exactly once".</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the server gracefully, then: SQLite's integrity check is ok and <c>catalog verify</c> exits 0.</summary>
    public async Task StopAndCheckAsync()
    {
        await Server!.TerminateAsync(Patience);
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
        }

        using var output = new StringWriter();
        var verified = await CatalogCli.RunAsync(["verify", "--data", Data], output);
        SqliteConnection.ClearAllPools();
        Assert.True(verified == 0, $"catalog verify found differences:\n{output}");
    }

    /// <summary>Waits for an observable condition (a file, a count), failing with <paramref name="what"/> after the timeout.</summary>
    public static Task WaitForAsync(Func<bool> condition, string what, Func<string>? context = null) =>
        WaitForAsync(() => Task.FromResult(condition()), what, Patience, context);

    /// <summary>Polls an observable condition that takes a request (a search on a server) until it holds or <paramref name="within"/> passes.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan within, Func<string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what}. {context?.Invoke()}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        foreach (var process in processes)
            await process.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
