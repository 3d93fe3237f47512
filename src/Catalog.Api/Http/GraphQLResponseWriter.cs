using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Http;

/// <summary>
/// Writes a result with its status and caching headers. GET responses are cacheable: anonymous error-free
/// ones are <c>public</c> for a short max-age, those to requests with credentials <c>private</c>, errors never
/// stored by shared caches; every successful GET carries a strong ETag and a matching If-None-Match gets 304.
/// POST responses are <c>no-store</c>.
/// </summary>
internal sealed class GraphQLResponseWriter(
    IGraphQLSerializer serializer, IResponseCompressionProvider compression, IOptions<GraphQLHttpOptions> options)
{
    public const string ErrorCacheControl = "private, no-cache, must-revalidate";

    public async Task WriteAsync(HttpContext http, ExecutionResult result, int status, ResponseFormat format) =>
        await WriteAsync(http, await SerializeAsync(result, http.RequestAborted), status, format);

    public async Task WriteAsync(HttpContext http, SerializedResponse body, int status, ResponseFormat format)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = format.ContentType;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            var ok = status == StatusCodes.Status200OK && body.IsShareable;
            if (ok && MatchesIfNoneMatch(http, format, body))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                return;
            }

            if (!ok)
                response.Headers.CacheControl = ErrorCacheControl;
        }
        else
        {
            response.Headers.CacheControl = "no-store";
        }

        var payload = body.Body;
        if (body.IsShareable && status == StatusCodes.Status200OK && Compression(http) is { } provider)
        {
            // Set here, the coding makes the compression middleware pass the bytes through untouched.
            payload = body.EncodedWith(provider);
            response.Headers.ContentEncoding = provider.EncodingName;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        response.ContentLength = payload.Length;
        await response.Body.WriteAsync(payload, http.RequestAborted);
    }

    /// <summary>The bytes of <paramref name="result"/>; shareable when it executed without errors and is not <paramref name="perRequest"/>.</summary>
    public async Task<SerializedResponse> SerializeAsync(ExecutionResult result, CancellationToken cancellationToken, bool perRequest = false)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, cancellationToken);
        return new SerializedResponse(buffer.ToArray(), result.Executed, result.Errors is { Count: > 0 }, perRequest);
    }

    /// <summary>Sets the cache headers of a successful GET; true when the client's copy is current.</summary>
    private bool MatchesIfNoneMatch(HttpContext http, ResponseFormat format, SerializedResponse body)
    {
        var headers = http.Response.Headers;
        headers.Append(HeaderNames.Vary, "Accept, Authorization");
        headers.CacheControl = http.Request.Headers.ContainsKey(HeaderNames.Authorization)
            ? "private, no-cache"
            : $"public, max-age={options.Value.CacheMaxAgeSeconds}";
        var etag = new EntityTagHeaderValue(EntityTag(format, body.BodyHash, ContentCoding(http)));
        headers.ETag = etag.ToString();
        return EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
    }

    /// <summary>
    /// Hash of the media type and the body's hash, plus the content coding the compression middleware will apply:
    /// equal strong tags must mean byte-identical representations, and gzip bytes differ from identity ones.
    /// </summary>
    private static string EntityTag(ResponseFormat format, byte[] bodyHash, string? coding)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(format.MediaType));
        hash.AppendData(bodyHash);
        var tag = Convert.ToBase64String(hash.GetHashAndReset(), 0, 18).Replace('+', '-').Replace('/', '_');
        return coding is null ? $"\"{tag}\"" : $"\"{tag}-{coding}\"";
    }

    private string? ContentCoding(HttpContext http) => Compression(http)?.EncodingName;

    /// <summary>The provider the compression middleware would use for this response, null when it would not compress.</summary>
    private ICompressionProvider? Compression(HttpContext http) =>
        compression.ShouldCompressResponse(http) && compression.CheckRequestAcceptsCompression(http)
            ? compression.GetCompressionProvider(http)
            : null;
}
