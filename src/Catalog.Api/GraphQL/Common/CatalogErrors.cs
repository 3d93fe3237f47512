using GraphQL;

namespace Catalog.Api.GraphQL.Common;

/// <summary>The error codes clients can rely on (<c>extensions.code</c>) and the errors that carry them.</summary>
public static class CatalogErrors
{
    public const string UnauthenticatedCode = "UNAUTHENTICATED";
    public const string ForbiddenCode = "FORBIDDEN";
    public const string BadUserInputCode = "BAD_USER_INPUT";
    public const string NotFoundCode = "NOT_FOUND";
    public const string RateLimitedCode = "RATE_LIMITED";
    public const string UnavailableCode = "SERVICE_UNAVAILABLE";

    public static ExecutionError Unauthenticated(string message = "Sign in: this field needs a bearer token.") =>
        Create(message, UnauthenticatedCode);

    public static ExecutionError Forbidden(string message) => Create(message, ForbiddenCode);

    public static ExecutionError BadUserInput(string message) => Create(message, BadUserInputCode);

    public static ExecutionError NotFound(string message) => Create(message, NotFoundCode);

    public static ExecutionError RateLimited(string message) => Create(message, RateLimitedCode);

    /// <summary>A part of the service this field needs is not running (e.g. search not configured).</summary>
    public static ExecutionError Unavailable(string message) => Create(message, UnavailableCode);

    private static ExecutionError Create(string message, string code) => new(message) { Code = code };
}
