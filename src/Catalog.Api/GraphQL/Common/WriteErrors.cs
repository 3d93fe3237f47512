using Catalog.Store.Writes;

namespace Catalog.Api.GraphQL.Common;

public static class WriteErrors
{
    /// <summary>Runs a store write, turning its refusals into BAD_USER_INPUT / NOT_FOUND errors.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (WriteRejectedException rejected)
        {
            throw rejected.Reason == WriteRejection.NotFound
                ? CatalogErrors.NotFound(rejected.Message)
                : CatalogErrors.BadUserInput(rejected.Message);
        }
    }
}
