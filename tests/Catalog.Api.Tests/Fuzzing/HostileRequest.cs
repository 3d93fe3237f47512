using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>Who a request claims to be: no token, a token the server accepts, or a forged one.</summary>
public enum Credential
{
    None,
    Viewer,
    Curator,
    /// <summary>Signed with the server's key but carrying a role the API does not know.</summary>
    UnknownRole,
    Expired,
    WrongKey,
    WrongAudience,
    AlgNone,
    Garbage,
    HugeGarbage,
    EmptyBearer,
    NoScheme,
    Basic,
}

/// <summary>What a request must get beyond the bounds every request must respect.</summary>
public enum Expectation
{
    Bounded,

    /// <summary>A valid request whose body starts with a UTF-8 byte order mark: answered like one without, or refused saying why.</summary>
    AnsweredDespiteByteOrderMark,
}

/// <summary>
/// One generated HTTP request to the API, as plain data so CsCheck can print (and shrink towards) the
/// smallest failing one. Tokens are minted when it is sent (they need the host's key and the real clock).
/// </summary>
public sealed record HostileRequest(
    string Method,
    string Target,
    byte[]? Body = null,
    string? ContentType = "application/json",
    string? Accept = "application/graphql-response+json",
    Credential Credential = Credential.None,
    int Who = 0,
    bool Chunked = false,
    Expectation Expect = Expectation.Bounded)
{
    private const int PrintedChars = 1500;

    /// <summary>Keeps emoji, bidi controls and other non-ASCII text raw in the body, as a hostile client would send it.</summary>
    public static readonly JsonSerializerOptions RawJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A valid token may legitimately change the store when its request succeeds.</summary>
    public bool MayWrite => Credential is Credential.Viewer or Credential.Curator;

    /// <summary>A GraphQL POST; <paramref name="variablesJson"/> and <paramref name="extensionsJson"/> are raw JSON text.</summary>
    public static HostileRequest Post(string query, string? variablesJson = null, Credential credential = Credential.None,
        int who = 0, string? operationName = null, string? extensionsJson = null) =>
        new("POST", "/graphql", Encoding.UTF8.GetBytes(BodyJson(query, variablesJson, operationName, extensionsJson)),
            Credential: credential, Who: who);

    /// <summary>A GraphQL GET with the parameters URL-encoded (each given raw; null ones left out).</summary>
    public static HostileRequest Get(string? query, string? variablesJson = null, Credential credential = Credential.None,
        int who = 0, string? operationName = null, string? extensionsJson = null) =>
        new("GET", GetTarget(("query", query), ("variables", variablesJson), ("operationName", operationName), ("extensions", extensionsJson)),
            Body: null, ContentType: null, Credential: credential, Who: who);

    public static string BodyJson(string? query, string? variablesJson = null, string? operationName = null, string? extensionsJson = null)
    {
        var body = new StringBuilder("{");
        if (query is not null)
            body.Append("\"query\":").Append(JsonSerializer.Serialize(query, RawJson));
        if (variablesJson is not null)
            body.Append(body.Length > 1 ? "," : "").Append("\"variables\":").Append(variablesJson);
        if (operationName is not null)
            body.Append(body.Length > 1 ? "," : "").Append("\"operationName\":").Append(JsonSerializer.Serialize(operationName, RawJson));
        if (extensionsJson is not null)
            body.Append(body.Length > 1 ? "," : "").Append("\"extensions\":").Append(extensionsJson);
        return body.Append('}').ToString();
    }

    public static string GetTarget(params (string Name, string? Value)[] parameters) =>
        "/graphql?" + string.Join('&', parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)));

    public HttpRequestMessage ToHttpRequest(string? authorization)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Target);
        if (Body is not null)
        {
            request.Content = Chunked ? new StreamContent(new UnknownLengthStream(Body)) : new ByteArrayContent(Body);
            if (ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        if (Accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", Accept);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Shorten(Target)} [{Credential}#{Who}]");
        if (ContentType is not null && Body is not null)
            text.Append(" Content-Type: ").Append(ContentType);
        if (Accept is not null)
            text.Append(" Accept: ").Append(Accept);
        if (Chunked)
            text.Append(" (chunked)");
        if (Expect != Expectation.Bounded)
            text.Append(" expect ").Append(Expect);
        if (Body is not null)
            text.Append($" body ({Body.Length:#,0} bytes): ").Append(Shorten(Encoding.UTF8.GetString(Body)));
        return text.ToString();
    }

    private static string Shorten(string text) =>
        text.Length <= PrintedChars ? text : text[..(PrintedChars / 2)] + $" …[{text.Length - PrintedChars:#,0} chars]… " + text[^(PrintedChars / 2)..];

    /// <summary>A body sent without Content-Length (chunked), so the server cannot refuse it by its announced size.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
