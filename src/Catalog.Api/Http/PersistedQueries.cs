using System.Security.Cryptography;
using System.Text;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Http;

/// <summary>
/// Apollo automatic persisted queries: a client sends only <c>extensions.persistedQuery.sha256Hash</c>;
/// an unknown hash gets <c>PersistedQueryNotFound</c> and the client retries with the query, which is
/// verified against the hash and kept in a bounded in-memory store (per replica; a miss only costs a retry).
/// </summary>
internal sealed class PersistedQueries(IOptions<GraphQLHttpOptions> options) : IDisposable
{
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";

    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = options.Value.PersistedQueryCacheChars });

    /// <summary>The query text to run: the request's own, or the one stored under its hash.</summary>
    public string ResolveQuery(GraphQLRequest request)
    {
        if (request.Extensions is null || !request.Extensions.TryGetValue("persistedQuery", out var persisted) || persisted is null)
            return string.IsNullOrWhiteSpace(request.Query)
                ? throw GraphQLHttpException.BadRequest("The request has no 'query'.")
                : request.Query;

        var hash = HashOf(persisted);
        if (string.IsNullOrEmpty(request.Query))
        {
            return _queries.TryGetValue(hash, out string? known) && known is not null
                ? known
                : throw new GraphQLHttpException(StatusCodes.Status200OK, NotFoundCode, "PersistedQueryNotFound");
        }

        if (!Sha256Hex(request.Query).Equals(hash, StringComparison.Ordinal))
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query");
        _queries.Set(hash, request.Query, new MemoryCacheEntryOptions { Size = Math.Max(1, request.Query.Length) });
        return request.Query;
    }

    public static string Sha256Hex(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    private static string HashOf(object persisted)
    {
        if (persisted is not IDictionary<string, object?> fields)
            throw GraphQLHttpException.BadRequest("extensions.persistedQuery must be an object {version, sha256Hash}.");
        if (!fields.TryGetValue("version", out var version) || version is not (1 or 1L))
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_NOT_SUPPORTED", "Only persisted query version 1 is supported.");
        if (!fields.TryGetValue("sha256Hash", out var value) || value is not string hash || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            throw GraphQLHttpException.BadRequest("extensions.persistedQuery.sha256Hash must be 64 hex digits.");
        return hash.ToLowerInvariant();
    }

    public void Dispose() => _queries.Dispose();
}
