using System.Text;
using System.Text.Json;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>A request the server answered in a way it must not: the message says which bound it broke and how.</summary>
public sealed class FuzzFindingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Sends one hostile request and checks what every request must get: an answer within
/// <see cref="TimeBound"/>, of at most <see cref="MaxResponseBytes"/>, never a 5xx, no unhandled exception
/// (in the answer or the server log), and a store unchanged unless a valid token's write succeeded.
/// </summary>
public sealed class HostileRequestOracle(FuzzingApi api, HttpClient client)
{
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>How GraphQL.NET words an exception no resolver or validation rule turned into an error of ours.</summary>
    private static readonly string[] UnhandledMessages = ["Error trying to resolve field", "Error executing document"];

    private string? storeDigest;

    public async Task CheckAsync(HostileRequest request)
    {
        storeDigest ??= api.Store.Compute();
        var loggedBefore = api.Errors.Count;
        var (status, body) = await SendAsync(request);
        var answer = Parse(body);
        var described = $"{status}, {body.Length:#,0} bytes: {Shorten(Encoding.UTF8.GetString(body))}";

        Require(status < 500, $"a {status} answer ({described})");
        Require(body.Length <= MaxResponseBytes, $"an answer over {MaxResponseBytes:#,0} bytes ({described})");
        var unhandled = ErrorMessages(answer).FirstOrDefault(m => UnhandledMessages.Any(u => m.StartsWith(u, StringComparison.Ordinal)));
        Require(unhandled is null, $"an unhandled exception in the answer: \"{unhandled}\" ({described})");
        Require(api.Errors.Count == loggedBefore, $"an error in the server log: {string.Join(" | ", api.Errors.Skip(loggedBefore))} ({described})");

        var digest = api.Store.Compute();
        if (digest != storeDigest)
        {
            storeDigest = digest;
            Require(request.MayWrite && status == 200 && HasData(answer), $"a store changed by a refused request ({described})");
        }

        if (request.Expect == Expectation.AnsweredDespiteByteOrderMark)
        {
            var answered = status == 200 && !ErrorMessages(answer).Any();
            var saysWhy = status is >= 400 and < 500 && ErrorMessages(answer).Any(m => m.Contains("byte order mark", StringComparison.OrdinalIgnoreCase));
            Require(answered || saysWhy, $"a body with a byte order mark neither answered nor refused with a reason ({described})");
        }
    }

    private async Task<(int Status, byte[] Body)> SendAsync(HostileRequest request)
    {
        using var message = request.ToHttpRequest(api.Authorization(request.Credential, request.Who));
        using var timeout = new CancellationTokenSource(TimeBound);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var body = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while (body.Length <= MaxResponseBytes && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
                body.Write(buffer, 0, read);
            return ((int)response.StatusCode, body.ToArray());
        }
        catch (Exception e) when (timeout.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The test server reports a deadline passed while the body streams as an aborted read.
            throw new FuzzFindingException($"Got no complete answer within {TimeBound.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The server aborted the exchange (an exception after the answer started, or a reset).
            throw new FuzzFindingException($"Got no answer but {e.GetType().Name}: {e.Message} {e.InnerException?.Message}", e);
        }
    }

    private static JsonElement? Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ErrorMessages(JsonElement? answer) =>
        answer is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "")
            : [];

    /// <summary>Whether any top-level field answered (so a write may have happened).</summary>
    private static bool HasData(JsonElement? answer) =>
        answer is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("data", out var data)
        && data.ValueKind == JsonValueKind.Object && data.EnumerateObject().Any(f => f.Value.ValueKind != JsonValueKind.Null);

    private static void Require(bool condition, string finding)
    {
        if (!condition)
            throw new FuzzFindingException("Got " + finding);
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + " …";
}
