namespace Catalog.Api.Http;

/// <summary>A request the transport refuses before execution; becomes a GraphQL error body with this status.</summary>
internal sealed class GraphQLHttpException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static GraphQLHttpException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);
}
