using Catalog.Store.Writes;

namespace Catalog.Api.GraphQL.Common;

public static class WriteErrors
{
    /// <summary>Runs a store write, turning its refusals into BAD_USER_INPUT / NOT_FOUND / FORBIDDEN errors.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (WriteRejectedException rejected)
        {
            throw rejected.Reason switch
            {
                WriteRejection.NotFound => CatalogErrors.NotFound(rejected.Message),
                WriteRejection.Forbidden => CatalogErrors.Forbidden(rejected.Message),
                _ => CatalogErrors.BadUserInput(rejected.Message),
            };
        }
    }
}
