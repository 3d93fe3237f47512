using System.Collections.Concurrent;
using GraphQL;

namespace Catalog.Api.Http;

/// <summary>
/// Lets a resolver say its answer belongs to this request alone (a field naming something just created for the
/// caller, such as a <c>searchId</c>): such an answer is neither kept by the <see cref="ResponseCache"/>, shared with
/// requests waiting on the same execution, nor marked cacheable for HTTP caches.
/// </summary>
internal static class PerRequestAnswer
{
    private const string Key = "catalog.perRequestAnswer";

    /// <summary>The execution's user context: resolvers of one request may run in parallel.</summary>
    public static IDictionary<string, object?> NewUserContext() => new ConcurrentDictionary<string, object?>();

    public static void Mark(IResolveFieldContext context) => context.UserContext[Key] = true;

    public static bool IsMarked(IDictionary<string, object?> userContext) => userContext.ContainsKey(Key);
}
