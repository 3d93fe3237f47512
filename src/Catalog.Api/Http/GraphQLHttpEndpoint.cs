using System.Diagnostics;
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
/// answered from the <see cref="ResponseCache"/> when an equal one ran against the same index.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint(
    GraphQLRequestReader reader,
    PersistedQueries persistedQueries,
    DocumentCache documents,
    ResponseCache responses,
    IDocumentExecuter executer,
    ISchema schema,
    GraphQLResponseWriter writer,
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
        var started = Stopwatch.GetTimestamp();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            Timeout = options.Value.ExecutionTimeout,
            UnhandledExceptionDelegate = context =>
            {
                LogResolverFailure(logger, context.FieldContext?.FieldDefinition.Name, context.OriginalException);
                return Task.CompletedTask;
            },
        });
        GraphQLMetrics.Record(result.Operation?.Operation, result, Stopwatch.GetElapsedTime(started));
        if (result.Operation?.Operation == OperationType.Mutation)
            responses.Invalidate();
        return await writer.SerializeAsync(result, http.RequestAborted);
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

    private static ExecutionResult Error(string code, string message) => new(new ExecutionError(message) { Code = code });

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolver of field {Field} failed")]
    private static partial void LogResolverFailure(ILogger logger, string? field, Exception exception);
}
