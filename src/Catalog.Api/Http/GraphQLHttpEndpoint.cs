using System.Diagnostics;
using System.Globalization;
using Catalog.Api.Insights;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>: negotiates the response format, reads the request, resolves
/// persisted queries, refuses mutations over GET, executes with the caller's principal and writes the
/// result. Under <c>application/graphql-response+json</c> a request that cannot be parsed or validated
/// gets 400; under legacy <c>application/json</c> every well-formed request gets 200. Anonymous queries are
/// answered from the <see cref="ResponseCache"/> when an equal one ran against the same index. Before
/// validation a document must fit the <see cref="DocumentBudget"/> and the caller's search budget; validation and
/// execution then hold an <see cref="ExecutionAdmission"/> slot and stop when the client leaves, the host stops,
/// or twice the execution timeout has passed.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint(
    GraphQLRequestReader reader,
    PersistedQueries persistedQueries,
    DocumentCache documents,
    ResponseCache responses,
    ReplicaWrites writes,
    IDocumentExecuter executer,
    ISchema schema,
    GraphQLResponseWriter writer,
    ExecutionAdmission admission,
    SearchRateLimiter searchLimiter,
    InsightsRehearsal rehearsal,
    IHostApplicationLifetime lifetime,
    IOptions<GraphQLHttpOptions> options,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var format = ResponseFormat.Negotiate(http.Request.Headers.Accept);
        if (format is null)
        {
            await writer.WriteAsync(http, Error("NOT_ACCEPTABLE",
                $"Accept {ResponseFormat.GraphQLResponseJson.MediaType} or {ResponseFormat.Json.MediaType}."),
                StatusCodes.Status406NotAcceptable, ResponseFormat.Json);
            return;
        }

        await FlagRejectedCredentialsAsync(http);
        SerializedResponse response;
        int status;
        try
        {
            (response, status) = await AnswerAsync(http, format);
        }
        catch (GraphQLHttpException e)
        {
            if (e.Status == StatusCodes.Status405MethodNotAllowed)
                http.Response.Headers.Allow = "POST";
            if (e.RetryAfter is { } retryAfter)
                http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            (response, status) = (await writer.SerializeAsync(Error(e.Code, e.Message), http.RequestAborted), e.Status);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await writer.WriteAsync(http, response, status, format);
    }

    private async Task<(SerializedResponse Response, int Status)> AnswerAsync(HttpContext http, ResponseFormat format)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var request = isGet
            ? reader.ReadQueryString(http.Request.Query)
            : await reader.ReadBodyAsync(http.Request, options.Value.MaxRequestBytes, http.RequestAborted);
        var query = persistedQueries.ResolveQuery(request);
        var (document, syntaxError) = Parse(query);
        if (document is null)
        {
            var refused = await writer.SerializeAsync(syntaxError!, http.RequestAborted);
            return (refused, StatusOf(refused, format));
        }

        if (isGet && document.OperationWithName(request.OperationName) is { Operation: not OperationType.Query })
        {
            throw new GraphQLHttpException(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "Only queries may be sent with GET; send mutations with POST.");
        }

        if (DocumentBudget.Check(document, options.Value) is { } tooLarge)
        {
            GraphQLMetrics.Rejected("too_large");
            var refused = await writer.SerializeAsync(new ExecutionResult(tooLarge), http.RequestAborted);
            return (refused, StatusOf(refused, format));
        }

        searchLimiter.Check(http, document, document.OperationWithName(request.OperationName));
        var key = responses.KeyFor(http, query, request, document);
        var response = key is null
            ? await ExecuteAsync(http, request, query, document)
            : await responses.GetOrAddAsync(key, () => ExecuteAsync(http, request, query, document));
        return (response, StatusOf(response, format));
    }

    private static int StatusOf(SerializedResponse response, ResponseFormat format) =>
        !response.Executed && format.StatusReflectsRequestErrors ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    /// <summary>The parsed document, or the result a client gets for text that does not parse.</summary>
    private (GraphQLDocument? Document, ExecutionResult? Error) Parse(string query)
    {
        try
        {
            return (documents.GetOrParse(query), null);
        }
        catch (ExecutionError e)
        {
            // The document builder reports syntax errors (and text nested past its depth bound) this way.
            return (null, new ExecutionResult(e));
        }
        catch (GraphQLParserException e)
        {
            return (null, new ExecutionResult(new ExecutionError(e.Message, e) { Code = "SYNTAX_ERROR" }));
        }
    }

    private async Task<SerializedResponse> ExecuteAsync(HttpContext http, GraphQLRequest request, string query, GraphQLDocument document)
    {
        // GraphQL.NET's Timeout starts after validation; this bound covers queueing and validation too.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        bounded.CancelAfter(options.Value.ExecutionTimeout * 2);
        try
        {
            using var slot = await admission.EnterAsync(bounded.Token);
            return await ExecuteAdmittedAsync(http, request, query, document, bounded.Token);
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
            GraphQLMetrics.Rejected(stopping ? "shutting_down" : "timeout");
            throw stopping
                ? new GraphQLHttpException(StatusCodes.Status503ServiceUnavailable, "SHUTTING_DOWN", "The server is shutting down; retry on another replica.")
                { RetryAfter = ExecutionAdmission.RetryAfter }
                : new GraphQLHttpException(StatusCodes.Status503ServiceUnavailable, "TIMEOUT", "The request took too long to validate and execute.");
        }
    }

    private async Task<SerializedResponse> ExecuteAdmittedAsync(
        HttpContext http, GraphQLRequest request, string query, GraphQLDocument document, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var userContext = PerRequestAnswer.NewUserContext();
        rehearsal.Mark(http.Request, userContext);
        var validated = documents.IsValid(document, request.OperationName);
        using var writing = document.OperationWithName(request.OperationName) is { Operation: OperationType.Mutation } ? writes.Begin() : null;
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            // A document that passed the spec's rules once passes them again; the complexity rule (added by the
            // executer, it reads the variables) and the variables' coercion still run for every request.
            ValidationRules = validated ? [] : null,
            UserContext = userContext,
            Schema = schema,
            Query = query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = cancellationToken,
            Timeout = options.Value.ExecutionTimeout,
            UnhandledExceptionDelegate = context =>
            {
                LogResolverFailure(logger, context.FieldContext?.FieldDefinition.Name, context.OriginalException);
                return Task.CompletedTask;
            },
        });
        GraphQLMetrics.Record(result.Operation?.Operation, result, Stopwatch.GetElapsedTime(started));
        if (result.Executed && !validated)
            documents.MarkValid(document, request.OperationName);
        writing?.Dispose(); // before serialising: the caches need not bypass the store while the answer is written
        CapErrors(result, options.Value.MaxErrors);
        return await writer.SerializeAsync(result, http.RequestAborted, PerRequestAnswer.IsMarked(userContext));
    }

    /// <summary>
    /// A bad or expired token is treated as no token (the request runs anonymously, so protected fields
    /// answer UNAUTHENTICATED), and the response says why in <c>WWW-Authenticate</c>.
    /// </summary>
    private static async Task FlagRejectedCredentialsAsync(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey(HeaderNames.Authorization))
            return;
        var authentication = await http.AuthenticateAsync();
        if (authentication.Failure is not null)
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
    }

    /// <summary>Keeps the first <paramref name="max"/> errors and says how many more there were, so no response is error-sized.</summary>
    private static void CapErrors(ExecutionResult result, int max)
    {
        if (result.Errors is not { } errors || errors.Count <= max)
            return;
        var kept = new ExecutionErrors();
        foreach (var error in errors.Take(max))
            kept.Add(error);
        kept.Add(new ExecutionError($"Too many errors: {errors.Count - max} more not listed.") { Code = "TOO_MANY_ERRORS" });
        result.Errors = kept;
    }

    private static ExecutionResult Error(string code, string message) => new(new ExecutionError(message) { Code = code });

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolver of field {Field} failed")]
    private static partial void LogResolverFailure(ILogger logger, string? field, Exception exception);
}
