using Catalog.Api.GraphQL.Common;
using Catalog.Core.Search;
using GraphQL;

namespace Catalog.Api.GraphQL.Search;

/// <summary>Calls into the search engine with its failures mapped to client errors.</summary>
public static class SearchAccess
{
    public static ITitleSearch Engine(IResolveFieldContext context) => Required(context.OptionalService<ITitleSearch>());

    public static ITitleSearch Required(ITitleSearch? engine) =>
        engine ?? throw CatalogErrors.Unavailable("Search is not available: no search engine is registered on this server.");

    public static async Task<T> RunAsync<T>(Func<Task<T>> search)
    {
        try
        {
            return await search();
        }
        catch (InvalidCursorException invalid)
        {
            throw CatalogErrors.BadUserInput("'after' is not a cursor of this query: " + invalid.Message);
        }
    }
}
