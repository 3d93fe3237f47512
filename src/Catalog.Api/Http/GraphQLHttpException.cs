namespace Catalog.Api.Http;

/// <summary>A request the transport refuses before execution; becomes a GraphQL error body with this status.</summary>
internal sealed class GraphQLHttpException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static GraphQLHttpException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);
}
