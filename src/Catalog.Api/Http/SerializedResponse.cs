using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.ResponseCompression;

namespace Catalog.Api.Http;

/// <summary>
/// A GraphQL result as the bytes sent to clients. <see cref="IsShareable"/> results (executed, no errors) are the
/// only ones an HTTP cache or the <see cref="ResponseCache"/> may keep; their hash is what ETags are made from.
/// </summary>
internal sealed class SerializedResponse(byte[] body, bool executed, bool hasErrors, bool perRequest = false)
{
    private byte[]? hash;
    private ConcurrentDictionary<string, byte[]>? encoded;

    public ReadOnlyMemory<byte> Body => body;

    /// <summary>False for requests refused before execution (syntax, validation, variables): 400 under graphql-response+json.</summary>
    public bool Executed => executed;

    /// <summary>The answer names something made for this request (see <see cref="PerRequestAnswer"/>).</summary>
    public bool PerRequest => perRequest;

    public bool IsShareable => executed && !hasErrors && !perRequest;

    /// <summary>SHA-256 of the body, computed once (a cached answer revalidated by many clients hashes once).</summary>
    public byte[] BodyHash
    {
        get
        {
            // Racing first readers compute the same bytes; whichever write lands is right.
            if (Volatile.Read(ref hash) is { } known)
                return known;
            var computed = SHA256.HashData(body);
            Volatile.Write(ref hash, computed);
            return computed;
        }
    }

    /// <summary>
    /// The body compressed by <paramref name="provider"/>, compressed once per content coding: a cached answer
    /// sent to many clients that accept gzip or br is not compressed again per request. Same provider and level
    /// as the compression middleware, so the bytes behind an ETag do not depend on which path sent them.
    /// </summary>
    public ReadOnlyMemory<byte> EncodedWith(ICompressionProvider provider)
    {
        var variants = Volatile.Read(ref encoded);
        if (variants is null)
        {
            Interlocked.CompareExchange(ref encoded, new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal), null);
            variants = encoded!;
        }

        return variants.GetOrAdd(provider.EncodingName, _ =>
        {
            using var buffer = new MemoryStream();
            using (var stream = provider.CreateStream(buffer))
                stream.Write(body);
            return buffer.ToArray();
        });
    }
}
