using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Http;

/// <summary>
/// Parsed documents keyed by query text, so the queries clients repeat are parsed once, and the operations of them
/// that have passed validation, so they are not validated again: the schema is fixed for the process's life and the
/// spec's validation rules read only the document, as GraphQL.NET's own document cache assumes.
/// </summary>
internal sealed class DocumentCache(IDocumentBuilder parser, IOptions<GraphQLHttpOptions> options) : IDisposable
{
    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = options.Value.DocumentCacheChars });

    // Weak keys: a document's validity goes when the cache drops the document.
    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<string, bool>> _validOperations = [];

    /// <summary>The document of <paramref name="query"/>; throws the parser's exceptions for invalid text.</summary>
    public GraphQLDocument GetOrParse(string query)
    {
        if (_documents.TryGetValue(query, out GraphQLDocument? cached) && cached is not null)
            return cached;
        var document = parser.Build(query);
        _documents.Set(query, document, new MemoryCacheEntryOptions { Size = query.Length });
        return document;
    }

    /// <summary>Whether <paramref name="operationName"/>'s operation of <paramref name="document"/> has passed validation before.</summary>
    public bool IsValid(GraphQLDocument document, string? operationName) =>
        _validOperations.TryGetValue(document, out var operations) && operations.ContainsKey(operationName ?? "");

    /// <summary>Remembers that <paramref name="operationName"/>'s operation of <paramref name="document"/> passed validation.</summary>
    public void MarkValid(GraphQLDocument document, string? operationName) =>
        _validOperations.GetOrCreateValue(document).TryAdd(operationName ?? "", true);

    public void Dispose() => _documents.Dispose();
}
