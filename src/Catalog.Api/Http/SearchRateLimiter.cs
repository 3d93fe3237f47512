using System.Security.Claims;
using System.Threading.RateLimiting;
using Catalog.Api.GraphQL.Common;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Http;

/// <summary>
/// Per-client budget of the fields anyone may call that cost the index real work (<c>search</c>, <c>suggest</c>):
/// a fixed one-minute window per client (the token's <c>sub</c> when authenticated, else the remote address), per
/// replica. Each top-level selection of those fields takes one permit, so aliases do not multiply a request for
/// free. A request over budget is refused whole with 429 and Retry-After before it runs (and before the response
/// cache, so repeating it does not help).
/// </summary>
internal sealed class SearchRateLimiter : IDisposable
{
    private static readonly HashSet<string> MeteredFields = ["search", "suggest"];

    private readonly int perMinute;
    private readonly PartitionedRateLimiter<string> clients;

    public SearchRateLimiter(IOptions<RateLimitOptions> options)
    {
        perMinute = options.Value.SearchesPerMinute;
        clients = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Takes the request's permits; throws a 429 error when the client's budget for this minute is spent.</summary>
    public void Check(HttpContext http, GraphQLDocument document, GraphQLOperationDefinition? operation)
    {
        if (operation is null)
            return;
        var permits = Math.Min(MeteredSelections(document, operation.SelectionSet), perMinute);
        if (permits == 0)
            return;
        using var lease = clients.AttemptAcquire(ClientOf(http), permits);
        if (lease.IsAcquired)
            return;
        GraphQLMetrics.Rejected("rate_limited");
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        throw new GraphQLHttpException(StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
            $"Too many searches: at most {perMinute} search or suggest fields per minute per client; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
        { RetryAfter = retryAfter };
    }

    private static string ClientOf(HttpContext http) =>
        http.User.FindFirstValue("sub") is { } subject
            ? "sub:" + subject
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Top-level search/suggest selections, through fragments (the document budget refused cycles).</summary>
    private static int MeteredSelections(GraphQLDocument document, GraphQLSelectionSet set)
    {
        var count = 0;
        foreach (var selection in set.Selections)
        {
            count += selection switch
            {
                GraphQLField field => MeteredFields.Contains(field.Name.StringValue) ? 1 : 0,
                GraphQLInlineFragment inline => MeteredSelections(document, inline.SelectionSet),
                GraphQLFragmentSpread spread when document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                    => MeteredSelections(document, fragment.SelectionSet),
                _ => 0,
            };
        }

        return count;
    }

    public void Dispose() => clients.Dispose();
}
