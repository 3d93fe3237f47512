using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Http;

/// <summary>
/// Reads a GraphQL request from a POST JSON body or a GET query string. Anything malformed (bad JSON,
/// invalid UTF-8, wrong JSON types, other content types, oversized bodies) becomes a
/// <see cref="GraphQLHttpException"/> with a 4xx status, never an unhandled exception.
/// </summary>
internal sealed class GraphQLRequestReader(IGraphQLSerializer serializer)
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public GraphQLRequest ReadQueryString(IQueryCollection query) => Read(() => new GraphQLRequest
    {
        Query = Single(query, "query"),
        OperationName = Single(query, "operationName"),
        Variables = ObjectParameter(Single(query, "variables"), "variables"),
        Extensions = ObjectParameter(Single(query, "extensions"), "extensions"),
    });

    public async Task<GraphQLRequest> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        RequireJson(request.ContentType);
        var body = await ReadLimitedAsync(request, maxBytes, cancellationToken);
        // Some clients (PowerShell, Windows editors) start UTF-8 with a byte order mark; JSON parsers may ignore it (RFC 8259 §8.1).
        if (body.Span.StartsWith(Utf8ByteOrderMark))
            body = body[Utf8ByteOrderMark.Length..];
        return Read(() =>
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw GraphQLHttpException.BadRequest("The body must be a JSON object such as {\"query\": \"{ __typename }\"}.");
            return new GraphQLRequest
            {
                Query = StringMember(root, "query"),
                OperationName = StringMember(root, "operationName"),
                Variables = ObjectMember(root, "variables"),
                Extensions = ObjectMember(root, "extensions"),
            };
        });
    }

    private static GraphQLRequest Read(Func<GraphQLRequest> read)
    {
        try
        {
            return read();
        }
        catch (JsonException e)
        {
            throw GraphQLHttpException.BadRequest($"The request is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json reports strings it cannot transcode (lone surrogates) this way.
            throw GraphQLHttpException.BadRequest($"The request holds text that is not valid Unicode: {e.Message}");
        }
    }

    private static void RequireJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new GraphQLHttpException(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "POST requests must have Content-Type: application/json (UTF-8).");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            throw TooLarge(maxBytes);
        using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes)
                throw TooLarge(maxBytes);
            body.Write(chunk, 0, read);
        }

        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    private static GraphQLHttpException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The request body is larger than {maxBytes} bytes.");

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1)
            throw GraphQLHttpException.BadRequest($"The '{name}' parameter was given more than once.");
        return values.Count == 1 ? values[0] : null;
    }

    private Inputs? ObjectParameter(string? json, string name)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        using var document = JsonDocument.Parse(json);
        return ObjectValue(document.RootElement, name);
    }

    private static string? StringMember(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw GraphQLHttpException.BadRequest($"'{name}' must be a string.");

    private Inputs? ObjectMember(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? ObjectValue(value, name) : null;

    private Inputs? ObjectValue(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => serializer.ReadNode<Inputs>(value),
        _ => throw GraphQLHttpException.BadRequest($"'{name}' must be a JSON object."),
    };
}
