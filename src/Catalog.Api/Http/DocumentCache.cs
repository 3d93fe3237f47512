using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Http;

/// <summary>Parsed documents keyed by query text, so the queries clients repeat are parsed once.</summary>
internal sealed class DocumentCache(IDocumentBuilder parser, IOptions<GraphQLHttpOptions> options) : IDisposable
{
    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = options.Value.DocumentCacheChars });

    /// <summary>The document of <paramref name="query"/>; throws the parser's exceptions for invalid text.</summary>
    public GraphQLDocument GetOrParse(string query)
    {
        if (_documents.TryGetValue(query, out GraphQLDocument? cached) && cached is not null)
            return cached;
        var document = parser.Build(query);
        _documents.Set(query, document, new MemoryCacheEntryOptions { Size = query.Length });
        return document;
    }

    public void Dispose() => _documents.Dispose();
}
