using System.Security.Cryptography;

namespace Catalog.Api.Http;

/// <summary>
/// A GraphQL result as the bytes sent to clients. <see cref="IsShareable"/> results (executed, no errors) are the
/// only ones an HTTP cache or the <see cref="ResponseCache"/> may keep; their hash is what ETags are made from.
/// </summary>
internal sealed class SerializedResponse(byte[] body, bool executed, bool hasErrors)
{
    private byte[]? hash;

    public ReadOnlyMemory<byte> Body => body;

    /// <summary>False for requests refused before execution (syntax, validation, variables): 400 under graphql-response+json.</summary>
    public bool Executed => executed;

    public bool IsShareable => executed && !hasErrors;

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
}
