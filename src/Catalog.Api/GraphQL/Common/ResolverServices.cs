using GraphQL;

namespace Catalog.Api.GraphQL.Common;

public static class ResolverServices
{
    /// <summary>A service of the current request (the transport sets <c>ExecutionOptions.RequestServices</c>).</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set."))
            .GetRequiredService<T>();

    /// <summary>An optional service, e.g. search while no engine is registered.</summary>
    public static T? OptionalService<T>(this IResolveFieldContext context)
        where T : class =>
        context.RequestServices?.GetService<T>();
}
