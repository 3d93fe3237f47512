using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Catalog.Api.Tests.Fixtures;

/// <summary>A GraphQL response as the client saw it: status, headers and the parsed JSON body (if any).</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, HttpResponseMessage Http, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    public bool HasErrors => Body.Length > 0 && Json.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0;

    public IReadOnlyList<JsonElement> Errors =>
        HasErrors ? [.. Json.GetProperty("errors").EnumerateArray()] : [];

    /// <summary><c>extensions.code</c> of every error, in order (null where an error has none).</summary>
    public IReadOnlyList<string?> ErrorCodes =>
        [.. Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null)];

    public string? ContentType => Http.Content.Headers.ContentType?.MediaType;

    /// <summary>Fails with the whole body when the request did not succeed cleanly.</summary>
    public GraphQLResponse EnsureSuccess()
    {
        if (Status != HttpStatusCode.OK || HasErrors)
            throw new InvalidOperationException($"GraphQL request failed with {(int)Status}: {Body}");
        return this;
    }
}

/// <summary>Sends GraphQL requests over the host's real HTTP pipeline.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<GraphQLResponse> PostGraphQLAsync(this HttpClient client, string query, object? variables = null,
        string? operationName = null, object? extensions = null, string accept = GraphQLResponseJson)
    {
        var body = new Dictionary<string, object?> { ["query"] = query };
        if (variables is not null)
            body["variables"] = variables;
        if (operationName is not null)
            body["operationName"] = operationName;
        if (extensions is not null)
            body["extensions"] = extensions;
        return client.PostRawAsync(JsonSerializer.Serialize(body, Json), accept: accept);
    }

    /// <summary>Posts any bytes with any content type (malformed-request tests).</summary>
    public static Task<GraphQLResponse> PostRawAsync(this HttpClient client, string body,
        string contentType = "application/json", string? accept = GraphQLResponseJson) =>
        client.PostRawAsync(Encoding.UTF8.GetBytes(body), contentType, accept);

    public static async Task<GraphQLResponse> PostRawAsync(this HttpClient client, byte[] body,
        string contentType = "application/json", string? accept = GraphQLResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return await client.SendGraphQLAsync(request);
    }

    public static Task<GraphQLResponse> GetGraphQLAsync(this HttpClient client, string? query, object? variables = null,
        string? operationName = null, object? extensions = null, string? accept = GraphQLResponseJson, string? ifNoneMatch = null)
    {
        var parameters = new List<string>();
        if (query is not null)
            parameters.Add("query=" + Uri.EscapeDataString(query));
        if (variables is not null)
            parameters.Add("variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables, Json)));
        if (operationName is not null)
            parameters.Add("operationName=" + Uri.EscapeDataString(operationName));
        if (extensions is not null)
            parameters.Add("extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(extensions, Json)));
        return client.GetGraphQLUrlAsync("/graphql?" + string.Join('&', parameters), accept, ifNoneMatch);
    }

    public static async Task<GraphQLResponse> GetGraphQLUrlAsync(this HttpClient client, string url,
        string? accept = GraphQLResponseJson, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.ParseAdd(ifNoneMatch);
        return await client.SendGraphQLAsync(request);
    }

    public static async Task<GraphQLResponse> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response, body);
    }

    /// <summary>Reads a JSON value of the response data by a dotted path, e.g. <c>"search.totalCount"</c>.</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var segment in path.Split('.'))
            element = int.TryParse(segment, out var index) ? element[index] : element.GetProperty(segment);
        return element;
    }
}
